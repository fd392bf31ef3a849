import type { SiteFileSystem } from '../../../host/fileSystem';
import { joinPath } from '../../../text/paths';
import { readText } from '../../../host/textFiles';
import { withoutTemplateComments } from './templateText';
import { readPartial } from './partials';

/**
 * What the site's link render hook does with a Markdown link's destination, as far as Postcraft reads it.
 * Hugo renders every Markdown link through `render-link.html` when the project or a theme has one, or
 * through its embedded hook where that is on (Hugo ≥ 0.123); an `<a href>` in the text never goes through it.
 */
export interface HugoLinkHook {
  /**
   * The hook looks the destination up as a page (`.Page.GetPage`, as the embedded hook does) and links the
   * page it finds: `[x](methods/page/date/)` or `[x](../other.md)` reaches that page whatever the browser
   * would make of the text. What it does not find it passes through as written (or fails the build on).
   */
  readonly getsPages: boolean;
  /**
   * It looks up only root paths (`/docs/x/`), leaving a relative one as written (opentelemetry.io's hook:
   * `if not (hasPrefix .Destination "/")`: "Relative path: leave as is"), or only relative ones (linkerd.io's:
   * `else if … (not (strings.HasPrefix $href "/"))` then `GetPage`). Absent: both, or it cannot tell.
   */
  readonly looksUp?: 'root paths' | 'relative paths';
  /** Destinations the hook compares with a literal and handles its own way (hugoDocs' `[term](g)` glossary links). */
  readonly ownDestinations: readonly string[];
  /** The hook names Markdown files (`.md`): it may turn a link to one into something else by text alone. */
  readonly namesMarkdownFiles?: boolean;
}

/**
 * The hook Hugo uses for the default output: the project's `layouts/_markup/render-link.html` (Hugo ≥ 0.146),
 * or `layouts/_default/_markup/render-link.html`, else a theme's, else the embedded one where the config turns it
 * on (`enableDefault`, Hugo 0.123–0.147; `useEmbedded`, Hugo ≥ 0.148: `linkHooks` is `markup.goldmark.renderHooks.link`) or gives
 * it by default (`embeddedByDefault`: a multilingual single-host site on Hugo ≥ 0.123). `'none'`: there is no hook, so links render as written; Postcraft says so only when it sees
 * every layout folder (`layoutsComplete`: no theme missing, no module fetched at build time). Undefined: it cannot tell.
 */
export async function readLinkHook(fs: SiteFileSystem, layoutDirs: readonly string[], linkHooks: Readonly<Record<string, unknown>> | undefined, embeddedByDefault: boolean, layoutsComplete: boolean): Promise<HugoLinkHook | 'none' | undefined> {
  for (const dir of layoutDirs) {
    for (const file of [joinPath(dir, '_markup', 'render-link.html'), joinPath(dir, '_default', '_markup', 'render-link.html')]) {
      const text = await readText(fs, file);
      if (text !== undefined) return linkHookOf(await withPartials(fs, layoutDirs, text, 3, new Set()));
    }
  }
  return embeddedHookOn(linkHooks, embeddedByDefault) ? { getsPages: true, ownDestinations: [] } : layoutsComplete ? 'none' : undefined;
}

/**
 * Whether Hugo's embedded link or image render hook is on: turned on by the config (`enableDefault`, Hugo 0.123–0.147;
 * `useEmbedded`, Hugo ≥ 0.148; `hooks` is `markup.goldmark.renderHooks.link` or `.image`), or given by default (`byDefault`:
 * a multilingual single-host site on Hugo ≥ 0.123).
 */
export function embeddedHookOn(hooks: Readonly<Record<string, unknown>> | undefined, byDefault: boolean): boolean {
  const useEmbedded = typeof hooks?.['useembedded'] === 'string' ? hooks['useembedded'].toLowerCase() : undefined;
  const enableDefault = hooks?.['enabledefault'];
  return useEmbedded === 'always' || useEmbedded === 'fallback' || enableDefault === true || (useEmbedded !== 'never' && enableDefault !== false && byDefault);
}

/**
 * The template with the partials it calls appended (`partial "hooks/render-link.html" (dict "ctx" .)`, as
 * opentelemetry.io's hook hands its work to a partial), `depth` levels deep, each looked up as Hugo does
 * (`readPartial`). Each partial is read once (`seen`), so a template that calls itself, or one partial a thousand times, costs one read.
 */
async function withPartials(fs: SiteFileSystem, layoutDirs: readonly string[], template: string, depth: number, seen: Set<string>): Promise<string> {
  let text = template;
  for (const match of depth > 0 ? template.matchAll(/\bpartial(?:Cached)?\s+"([^"]+)"/g) : []) {
    const name = match[1]!;
    if (seen.has(name)) continue;
    seen.add(name);
    const partial = await readPartial(fs, layoutDirs, name);
    if (partial !== undefined) text += `\n${await withPartials(fs, layoutDirs, partial, depth - 1, seen)}`;
  }
  return text;
}

/** What a hook template does, read from its text (comments left out). */
export function linkHookOf(template: string): HugoLinkHook {
  const code = withoutTemplateComments(template);
  // `$u := urls.Parse .Destination`: comparing `$u`, `$u.String` or `$u.Path` is comparing the destination.
  const names = [...code.matchAll(/\$([\w]+)\s*:?=\s*(?:urls\.Parse\s+)?\.Destination\b/g)].map((match) => match[1]!);
  const subject = `(?:\\.Destination|${names.length > 0 ? `\\$(?:${names.join('|')})(?:\\.String|\\.Path)?` : '\\.Destination'})`;
  const ownDestinations = [...code.matchAll(new RegExp(`\\beq\\s+${subject}\\s+"([^"]+)"`, 'g'))].map((match) => match[1]!);
  const getsPages = /\.GetPage\b/.test(code);
  const looksUp = getsPages ? pathsLookedUp(code) : undefined;
  return { getsPages, ownDestinations, ...(looksUp ? { looksUp } : {}), ...(/\.md\b/i.test(code) ? { namesMarkdownFiles: true } : {}) };
}

/**
 * Which paths the hook looks up when an `if` tests the destination for a leading `/`: the branch under the test
 * looks up the paths it is taken for when it holds the lookup (`GetPage`, or a flag set to true), else the others do.
 */
function pathsLookedUp(code: string): HugoLinkHook['looksUp'] {
  const actions = [...code.matchAll(/\{\{-?\s*([\s\S]*?)\s*-?\}\}/g)];
  const keywordOf = (action: string) => /^(if|with|range|block|define|else|end)\b/.exec(action)?.[1];
  let depth = 0;
  for (const [index, action] of actions.entries()) {
    const text = action[1]!;
    const keyword = keywordOf(text);
    if (keyword === 'end') depth--;
    const test = keyword === 'if' || (keyword === 'else' && /^else\s+if\b/.test(text)) ? /(not\s*\(\s*)?(?:strings\.)?hasPrefix\s+(?:\.Destination|\$\w+(?:\.Path|\.String)?)\s+"\/"/i.exec(text) : null;
    if (keyword === 'if' || keyword === 'with' || keyword === 'range' || keyword === 'block' || keyword === 'define') depth++;
    if (!test) continue;
    // The branch: up to the next `else` or `end` at its own depth.
    let level = depth;
    let close = actions.length;
    for (let next = index + 1; next < actions.length; next++) {
      const word = keywordOf(actions[next]![1]!);
      if (word === 'end' || word === 'else') {
        if (level === depth) {
          close = next;
          break;
        }
        if (word === 'end') level--;
      } else if (word !== undefined) level++;
    }
    const branch = code.slice(action.index + action[0].length, close < actions.length ? actions[close]!.index : code.length);
    const forRootPaths = test[1] === undefined;
    const looksUpHere = /\.GetPage\b|\$\w+\s*=\s*true\b/.test(branch);
    return looksUpHere === forRootPaths ? 'root paths' : 'relative paths';
  }
  return undefined;
}
