import { findField, type Field } from '../frontmatter/model';
import { dateKeys, frontmatterSchemas } from '../schema/frontmatterSchema';
import { dateReadings } from '../schema/dates';
import { hasLevelOneHeading } from '../post/markdownStructure';
import { compilesAsMdx } from '../post/dialect';
import { isListPage } from '../site/pageKinds';
import { routesOf } from '../site/routes/index';
import type { Check, CheckContext } from './context';
import type { Fix } from './finding';
import { innerRange } from '../frontmatter/values';
import { msg, msgOfTranslatable } from '../l10n/message';
import { declaredSchemaFields } from '../post/frontmatterImages';

/** Frontmatter values of the wrong type for the generator, and required fields that are missing. */
export const checkSchema: Check = (context) => {
  const { site, post } = context;
  const frontmatter = post.frontmatter;
  if (!frontmatter || frontmatter.unread || frontmatter.problems.some((problem) => problem.severity === 'error')) return; // syntax first
  const result = frontmatterSchemas[site.profile.id].safeParse(frontmatter.data);
  const reported = new Set<string>();
  for (const issue of result.success ? [] : result.error.issues) {
    const key = String(issue.path[0] ?? '');
    // jaycuthrell.github.io's search page has `date:` with no value: jekyll 4.3.1 builds it (a page's date is data).
    if (reported.has(key) || (key === 'date' && site.profile.frontmatter.readsDate?.(post.path, site.config) === false)) continue;
    reported.add(key);
    // With a key written twice, the data holds the last value: that is the one to underline and fix.
    const field = frontmatter.fields.findLast((candidate) => candidate.key === key) ?? findField(frontmatter.fields, key);
    const range = field?.value?.range ?? field?.keyRange ?? frontmatter.blockRange;
    const fixes = field && dateKeys.includes(key) ? dateFix(context, field) : [];
    const severity = key === 'date' && site.profile.frontmatter.failsBuildOnBadDate ? 'error' : 'warning';
    context.report({ code: 'schema', severity, range, message: msg('"{0}": {1}.', key, msgOfTranslatable(issue.message)), fixes });
  }
  const required = [...site.settings.requiredFields];
  const titleField = findField(frontmatter.fields, 'title');
  // `title: ""` (or `title:`) is no title to the generator: Hugo gives the page an empty one.
  const emptyTitle = titleField !== undefined && (titleField.value === undefined || (titleField.value.kind === 'scalar' && (titleField.value.value === null || String(titleField.value.value).trim() === '')));
  // A collection schema Postcraft reads that declares no `title` wants none (Astro: astro-erudite's authors have a `name`).
  const titleDeclared = declaredSchemaFields(site.config, post.path)?.keys.includes('title') ?? true;
  const untitled =
    site.profile.frontmatter.titled &&
    titleDeclared &&
    (!titleField || emptyTitle) &&
    !isListPage(site.config.generator, post.path) &&
    !site.profile.frontmatter.titleFromFileName?.(post.path, site.config) &&
    !site.profile.frontmatter.showsNoTitle?.(post.path, site.config, frontmatter.data) &&
    !site.config.unrenderedPages?.includes(post.path, frontmatter.data) && // a snippet shown inside other pages
    !findField(frontmatter.fields, 'redirect_to') && // jekyll-redirect-from's stub: a redirect, no page to title
    !isHomePage(site, post.path, frontmatter.data); // titled by the site's name (minima's index.md, as `jekyll new` writes it, is `layout: home` alone)
  const body = post.text.slice(post.bodyStart);
  // A page of no body that names its layout is that layout's to show (kubevirt.io's go-import stubs: a layout and a permalink, titled by the site's name).
  const layoutOnly = body.trim() === '' && findField(frontmatter.fields, 'layout') !== undefined;
  if (untitled && !layoutOnly && !hasHeading(body, compilesAsMdx(site.config, post.path))) {
    if (emptyTitle) context.report({ code: 'schema', severity: 'warning', range: titleField.value?.range ?? titleField.keyRange, message: msg('"{0}" is empty: the page gets no title.', 'title') });
    else required.unshift('title');
  }
  for (const key of new Set(required)) {
    if (findField(frontmatter.fields, key)) continue;
    const opening = { start: frontmatter.blockRange.start, end: frontmatter.contentRange.start };
    const severity = site.settings.requiredFields.includes(key) ? 'error' : 'warning';
    context.report({ code: 'schema', severity, range: opening, message: msg('Missing "{0}".', key), fixes: insertFieldFix(context, key) });
  }
};

/**
 * Whether the page is the site's home page (routes' URLs are below the base path: `/`), which themes title with the
 * site's name. A post checked while the site is indexed may have no summary yet: its route is made from its data.
 */
function isHomePage(site: CheckContext['site'], path: string, data: Readonly<Record<string, unknown>>): boolean {
  const url = (site.posts.get(path)?.route ?? routesOf(site.config.generator).pageRoute(site.config, path, data))?.url;
  return url === '/' || url === '/index.html';
}

/**
 * Docusaurus, Jekyll themes and others take the title from a first-level heading: `# Title` or a setext
 * `Title` over `===`, as CommonMark reads blocks (a `# comment` in fenced code is not one).
 */
function hasHeading(body: string, mdx: boolean): boolean {
  return (body.includes('#') || body.includes('=')) && hasLevelOneHeading(body, { mdx });
}

/**
 * ISO form of a date the generator cannot read. A numeric date that reads either way (`03/04/2024`) gets
 * both readings and neither is preferred: fix-all never guesses which day the writer meant.
 */
function dateFix(context: CheckContext, field: Field): Fix[] {
  const node = field.value;
  if (node?.kind !== 'scalar' || typeof node.value !== 'string') return [];
  const readings = dateReadings(node.value);
  return readings.map(({ iso, order }) => context.replaceFix(order ? msg('Change to "{0}" ({1})', iso, order === 'day first' ? msg('day first') : msg('month first')) : msg('Change to "{0}"', iso), innerRange(node), iso, readings.length === 1));
}

/**
 * Inserts `key` with an empty value just before the closing delimiter, in the block's own syntax. Not
 * preferred: an empty value is a place to type, not a fix, and fix all (--fix, on save) must not write one.
 */
function insertFieldFix(context: CheckContext, key: string): Fix[] {
  const frontmatter = context.post.frontmatter!;
  if (frontmatter.format === 'json') return [];
  const text = context.post.text;
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  // In TOML a key after a [table] header belongs to the table: a top-level key goes before the first one.
  const table = frontmatter.format === 'toml' ? /^[ \t]*\[/m.exec(text.slice(frontmatter.contentRange.start, frontmatter.contentRange.end)) : null;
  const end = table ? frontmatter.contentRange.start + table.index : frontmatter.contentRange.end;
  const needsNewline = end > 0 && text[end - 1] !== '\n';
  // A title from the file's name, as Hugo's default archetype writes one (`my-first-post.md` → "My First Post"):
  // an empty one would be no title either. Other keys get an empty value for the writer to fill in.
  const value = JSON.stringify(key === 'title' ? titleOfFile(context.post.path) : '');
  const line = frontmatter.format === 'toml' ? `${key} = ${value}` : `${key}: ${value}`;
  return [context.replaceFix(msg('Add "{0}"', key), { start: end, end }, `${needsNewline ? newline : ''}${line}${newline}`, false)];
}

/** `2024-01-02-my-first-post.md` or `my-first-post/index.md` → "My First Post". */
function titleOfFile(path: string): string {
  const parts = path.split('/');
  const name = parts.at(-1)!.replace(/\.[^.]+$/, '');
  const base = /^_?index$/.test(name) ? (parts.at(-2) ?? name) : name;
  const words = base.replace(/^\d{4}-\d{2}-\d{2}-/, '').split(/[-_\s]+/).filter(Boolean);
  return words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join(' ') || base;
}
