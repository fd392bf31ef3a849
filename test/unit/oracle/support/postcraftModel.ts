// Postcraft's view of the same site, in the terms the generators report: which content files are pages,
// their language, title, draft state and terms, and the findings that say the generator would refuse them.
import { createPostcraftService, toSitePath, type Finding } from '../../../../src/core/index';
import type { Site } from '../../../../src/core/site/site';
import { nodeFileSystem } from '../../../../src/node/index';
import { dateKeys } from '../../../../src/core/schema/frontmatterSchema';

export interface PostcraftPage {
  readonly file: string;
  readonly language: string | undefined;
  readonly title: string | undefined;
  readonly draft: boolean;
  /** Tags as the generator's term key (`GeneratorProfile.tagTerm`), else as written. */
  readonly tags: readonly string[];
  /** Authors as `GeneratorProfile.authorKey` matches them. */
  readonly authors: readonly string[];
  /** Where Postcraft's URL map puts the page (`PostSummary.route`). */
  readonly url: string | undefined;
  /** `broken-link` errors on template links (Hugo `ref`/`relref`, Jekyll `post_url`/`link`): the generator stops on each. */
  readonly templateLinkErrors: readonly string[];
  /** Error findings that mean the generator could not build the file (syntax) or read its dates. */
  readonly refusals: readonly Refusal[];
}

export interface Refusal {
  /** The date key the finding is about, or undefined for a syntax error. */
  readonly dateKey: string | undefined;
  readonly text: string;
}

export interface PostcraftModel {
  readonly site: Site;
  readonly pages: ReadonlyMap<string, PostcraftPage>;
}

const syntaxCodes = new Set(['yaml-syntax', 'toml-syntax', 'json-syntax', 'frontmatter-unclosed']);

/** A finding that says the generator would not build the post, or would not read a date of it. */
export function asRefusal(finding: Finding): Refusal | undefined {
  if (finding.severity !== 'error') return undefined;
  const text = `${finding.code} at line ${finding.range.start.line + 1}: ${finding.message}`;
  if (syntaxCodes.has(finding.code)) return { dateKey: undefined, text };
  const dateKey = finding.code === 'schema' ? dateKeys.find((key) => finding.message.startsWith(`"${key}"`)) : undefined;
  return dateKey ? { dateKey, text } : undefined;
}

/** A `broken-link` error whose message carries the generator's own words for a template link it refuses. */
function isTemplateLinkError(finding: Finding): boolean {
  return finding.code === 'broken-link' && finding.severity === 'error' && /REF_NOT_FOUND|in tag '(post_url|link)'/.test(finding.message);
}

export async function postcraftModel(root: string): Promise<PostcraftModel> {
  const siteRoot = toSitePath(root);
  const service = createPostcraftService({ fs: nodeFileSystem });
  const sites = await service.openWorkspace([siteRoot]);
  const site = sites.find((candidate) => candidate.root === siteRoot) ?? sites[0];
  if (!site) throw new Error(`Postcraft found no site in ${root}`);
  const pages = new Map<string, PostcraftPage>();
  const tagTerm = (tag: string) => site.profile.tagTerm?.(tag, site.config) ?? tag;
  for (const [path, post] of site.posts) {
    const file = path.slice(site.root.length + 1);
    const findings = await service.checkFile(path);
    pages.set(file, {
      file,
      language: post.language,
      title: post.title,
      draft: post.draft,
      tags: [...new Set(post.tags.map(tagTerm))].sort(),
      authors: [...new Set(post.authors.map((author) => site.profile.authorKey(author)))].sort(),
      url: post.route?.url,
      templateLinkErrors: findings.filter(isTemplateLinkError).map((finding) => `line ${finding.range.start.line + 1}: ${finding.message}`),
      refusals: findings.map(asRefusal).filter((refusal) => refusal !== undefined),
    });
  }
  return { site, pages };
}
