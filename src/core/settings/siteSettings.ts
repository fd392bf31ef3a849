import type * as z from '../schema/zod';
import type { SiteFileSystem } from '../host/fileSystem';
import type { FindingCode, Severity } from './findingCodes';
import { siteSettingsSchema, type SeveritySetting } from './siteSettingsSchema';
import { joinPath, relativePath } from '../text/paths';
import { readText } from '../host/textFiles';
import { msg, type Message } from '../l10n/message';

export const siteSettingsFileName = 'postcraft.config.json';

export type { SeveritySetting };

export interface SiteSettings {
  readonly severities: Partial<Record<FindingCode, SeveritySetting>>;
  readonly requiredFields: readonly string[];
  readonly allowedTags: ReadonlySet<string> | undefined;
  /** A template file (relative to the site) for new posts, with Hugo-archetype expressions. */
  readonly newPostTemplate?: string | undefined;
  /** `heavy-image`: images larger than this are reported (`heavyImageKB`, 1 KB = 1,000 bytes). */
  readonly heavyImageBytes: number;
  /** Limits and reading speed for the SEO facts (site/seoFacts.ts); defaults there. */
  readonly seo?: { readonly [K in keyof SeoSettings]?: number | undefined };
  isIgnored(path: string): boolean;
}

export interface SeoSettings {
  readonly titleLength: number;
  readonly descriptionLength: number;
  readonly slugLength: number;
  readonly wordsPerMinute: number;
}

export const defaultSiteSettings: SiteSettings = { severities: {}, requiredFields: [], allowedTags: undefined, heavyImageBytes: 500_000, isIgnored: () => false };

export async function loadSiteSettings(fs: SiteFileSystem, root: string): Promise<{ settings: SiteSettings; imageFields: string[] | undefined; problems: Message[] }> {
  const text = await readText(fs, joinPath(root, siteSettingsFileName));
  if (text === undefined) return { settings: defaultSiteSettings, imageFields: undefined, problems: [] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { settings: defaultSiteSettings, imageFields: undefined, problems: [msg('{0}: {1}', siteSettingsFileName, (error as Error).message)] };
  }
  const parsed = siteSettingsSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => msg('{0}: {1}', issue.path.join('.') || '(root)', issueMessage(issue))).reduce((list, next) => msg('{0}; {1}', list, next));
    return { settings: defaultSiteSettings, imageFields: undefined, problems: [msg('{0}: {1}', siteSettingsFileName, issues)] };
  }
  const value = parsed.data;
  // Matched against every post: a few globs are a setting, thousands would make indexing crawl.
  const ignore = (value.ignore ?? []).slice(0, maxIgnoreGlobs).map(globMatcher);
  const problems = (value.ignore?.length ?? 0) > maxIgnoreGlobs ? [msg('{0}: ignore: only the first {1} globs are used', siteSettingsFileName, maxIgnoreGlobs)] : [];
  return {
    settings: {
      severities: value.checks ?? {},
      requiredFields: value.requiredFields ?? [],
      allowedTags: value.allowedTags ? new Set(value.allowedTags) : undefined,
      newPostTemplate: value.newPostTemplate,
      heavyImageBytes: (value.heavyImageKB ?? 500) * 1000,
      ...(value.seo ? { seo: value.seo } : {}),
      isIgnored: (path) => ignore.some((matches) => matches(relativePath(root, path))),
    },
    imageFields: value.imageFields,
    problems,
  };
}

const maxIgnoreGlobs = 100;

type GlobToken = 'folders' | 'any' | 'name' | 'char' | { readonly literal: string };

/**
 * A matcher for a glob with the meaning of `globToRegExp`, in time proportional to the glob's length
 * times the path's: a regular expression of many `*` and `**` backtracks exponentially on a path that
 * almost matches (`**` ten times took seconds per path).
 */
export function globMatcher(glob: string): (path: string) => boolean {
  const tokens: GlobToken[] = [];
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*' && glob[i + 1] === '*') {
      tokens.push(glob[i + 2] === '/' ? 'folders' : 'any');
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (ch === '*') tokens.push('name');
    else if (ch === '?') tokens.push('char');
    else tokens.push({ literal: ch });
  }
  return (path) => {
    // reached[j]: the tokens so far can match the first j characters of the path.
    let reached = new Uint8Array(path.length + 1);
    let next = new Uint8Array(path.length + 1);
    reached[0] = 1;
    for (const token of tokens) {
      let seen = 0; // some reached[k] with k < j (for `**/`)
      let any = 0;
      for (let j = 0; j <= path.length; j++) {
        const previous = path[j - 1];
        if (typeof token === 'object') next[j] = j > 0 && reached[j - 1] === 1 && previous === token.literal ? 1 : 0;
        else if (token === 'char') next[j] = j > 0 && reached[j - 1] === 1 && previous !== '/' ? 1 : 0;
        else if (token === 'name') next[j] = reached[j] === 1 || (j > 0 && next[j - 1] === 1 && previous !== '/') ? 1 : 0;
        else if (token === 'any') next[j] = reached[j] === 1 || (j > 0 && next[j - 1] === 1) ? 1 : 0;
        else next[j] = reached[j] === 1 || (seen === 1 && previous === '/') ? 1 : 0;
        if (reached[j] === 1) seen = 1;
        any |= next[j]!;
      }
      if (any === 0) return false;
      [reached, next] = [next, reached];
    }
    return reached[path.length] === 1;
  };
}

/** `**` any folders, `*` within one name, `?` one character. */
export function globToRegExp(glob: string): RegExp {
  let pattern = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*' && glob[i + 1] === '*') {
      pattern += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (ch === '*') pattern += '[^/]*';
    else if (ch === '?') pattern += '[^/]';
    else pattern += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${pattern}$`);
}

/** Applies a configured severity: `undefined` means the finding is switched off. */
export function effectiveSeverity(code: FindingCode, fallback: SeveritySetting, ...overrides: Partial<Record<FindingCode, SeveritySetting>>[]): Severity | undefined {
  let severity: SeveritySetting = fallback;
  for (const override of overrides) severity = override[code] ?? severity;
  return severity === 'off' ? undefined : severity;
}

/** What is wrong with a value of postcraft.config.json, in words a translation can take (zod's own are English only). */
function issueMessage(issue: z.core.$ZodIssue): Message {
  const quoted = (values: readonly unknown[]) => values.map((value) => JSON.stringify(value)).join(', ');
  switch (issue.code) {
    case 'invalid_type': {
      const expected: Record<string, Message> = { string: msg('text'), number: msg('a number'), int: msg('a whole number'), boolean: msg('true or false'), array: msg('a list'), object: msg('an object') };
      return msg('expected {0}', expected[issue.expected] ?? issue.expected);
    }
    case 'invalid_value':
      return msg('expected one of {0}', quoted(issue.values));
    case 'unrecognized_keys':
      return issue.keys.length === 1 ? msg('unknown key {0}', quoted(issue.keys)) : msg('unknown keys {0}', quoted(issue.keys));
    case 'too_small':
      return issue.inclusive ? msg('expected at least {0}', Number(issue.minimum)) : msg('expected more than {0}', Number(issue.minimum));
    default:
      return msg('{0}', issue.message);
  }
}
