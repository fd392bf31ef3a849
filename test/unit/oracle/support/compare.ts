// The comparison itself: the generator's pages against Postcraft's site model, as a readable diff.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isPostPath } from '../../../../src/core/site/fileSet';
import type { GeneratorBuild, GeneratorPage } from './generatorPages';
import type { PostcraftModel, PostcraftPage } from './postcraftModel';

export interface FieldDifference {
  readonly file: string;
  readonly field: 'language' | 'title' | 'draft' | 'tags' | 'authors' | 'url';
  readonly generator: unknown;
  readonly postcraft: unknown;
}

export interface Comparison {
  readonly generator: GeneratorBuild['generator'];
  /** Files both take for pages, with every compared field equal. */
  readonly agreed: readonly string[];
  readonly onlyGenerator: readonly { file: string; kind: string }[];
  readonly onlyPostcraft: readonly string[];
  /** Pages Postcraft has that the generator reads but never lists (Hugo `headless`, `_build`): the oracle cannot see them. */
  readonly unseen: readonly string[];
  readonly differences: readonly FieldDifference[];
  /** Files the generator refused to build (left out of the copy so the rest could build). */
  readonly rejected: GeneratorBuild['rejected'];
  /** Files the generator refused to build while Postcraft reports no error on them. */
  readonly refusedUnreported: readonly { file: string; message: string }[];
  /** Files the generator built while Postcraft reports it could not (syntax, dates). */
  readonly unfoundedRefusals: readonly { file: string; findings: readonly string[] }[];
  /** Files the generator refused for a `ref` or `post_url` to nothing, where Postcraft reports no such broken link. */
  readonly templateLinksUnreported: readonly { file: string; message: string }[];
  /** Files the generator built while Postcraft says a `ref` or `post_url` of theirs reaches nothing. */
  readonly templateLinksUnfounded: readonly { file: string; findings: readonly string[] }[];
  /** Dates the generator could not read (and dropped) while Postcraft reports no error on them. */
  readonly datesUnreported: readonly { file: string; key: string }[];
  /** Pages in formats Postcraft does not check (Hugo `.html`, `.org`, `.adoc`). */
  readonly outOfScope: number;
  readonly failure?: string;
}

export function comparePages(build: GeneratorBuild, model: PostcraftModel): Comparison {
  if (build.failure) {
    return { generator: build.generator, agreed: [], onlyGenerator: [], onlyPostcraft: [], unseen: [], differences: [], rejected: build.rejected, refusedUnreported: [], unfoundedRefusals: [], templateLinksUnreported: [], templateLinksUnfounded: [], datesUnreported: [], outOfScope: 0, failure: build.failure };
  }
  const generatorPages = new Map<string, GeneratorPage>();
  let outOfScope = 0;
  for (const page of build.pages) {
    if (!isPostPath(page.file)) outOfScope++;
    else if (!generatorPages.has(page.file) || page.language === build.languages[0]) generatorPages.set(page.file, page);
  }
  const rejected = new Map(build.rejected.map((entry) => [entry.file, entry.message]));
  const agreed: string[] = [];
  const differences: FieldDifference[] = [];
  const unfoundedRefusals: { file: string; findings: readonly string[] }[] = [];
  const datesUnreported: { file: string; key: string }[] = [];
  for (const [file, page] of generatorPages) {
    const ours = model.pages.get(file);
    if (!ours) continue;
    const found = fieldDifferences(build, page, ours);
    differences.push(...found);
    // A date the generator dropped is one Postcraft must report; any other refusal is unfounded.
    const unfounded = ours.refusals.filter((refusal) => refusal.dateKey === undefined || !page.droppedDates.includes(refusal.dateKey));
    const unreported = page.droppedDates.filter((key) => !ours.refusals.some((refusal) => refusal.dateKey === key));
    if (unfounded.length > 0) unfoundedRefusals.push({ file, findings: unfounded.map((refusal) => refusal.text) });
    for (const key of unreported) datesUnreported.push({ file, key });
    if (found.length === 0 && unfounded.length === 0 && unreported.length === 0) agreed.push(file);
  }
  const onlyPostcraftOrUnseen = [...model.pages.keys()].filter((file) => !generatorPages.has(file) && !rejected.has(file));
  const unseen = onlyPostcraftOrUnseen.filter((file) => build.generator === 'hugo' && isUnlistedInHugo(join(model.site.root, file)));
  return {
    generator: build.generator,
    agreed: agreed.sort(),
    onlyGenerator: [...generatorPages.values()].filter((page) => !model.pages.has(page.file)).map((page) => ({ file: page.file, kind: page.kind })).sort(byFile),
    onlyPostcraft: onlyPostcraftOrUnseen.filter((file) => !unseen.includes(file)).sort(),
    unseen: unseen.sort(),
    differences: differences.sort(byFile),
    rejected: build.rejected,
    refusedUnreported: build.rejected.filter((entry) => model.pages.has(entry.file) && model.pages.get(entry.file)!.refusals.length === 0 && concernsFrontmatter(entry.message)),
    unfoundedRefusals: unfoundedRefusals.sort(byFile),
    templateLinksUnreported: build.rejected.filter((entry) => refusesTemplateLink(entry.message) && model.pages.has(entry.file) && model.pages.get(entry.file)!.templateLinkErrors.length === 0),
    templateLinksUnfounded: [...generatorPages.keys()].filter((file) => (model.pages.get(file)?.templateLinkErrors.length ?? 0) > 0).map((file) => ({ file, findings: model.pages.get(file)!.templateLinkErrors })).sort(byFile),
    datesUnreported: datesUnreported.sort(byFile),
    outOfScope,
    ...(build.failure ? { failure: build.failure } : {}),
  };
}

function fieldDifferences(build: GeneratorBuild, page: GeneratorPage, ours: PostcraftPage): FieldDifference[] {
  const found: FieldDifference[] = [];
  const differ = (field: FieldDifference['field'], generator: unknown, postcraft: unknown) => {
    if (JSON.stringify(generator) !== JSON.stringify(postcraft)) found.push({ file: page.file, field, generator, postcraft });
  };
  // One language: Postcraft gives none, and compares all tags together.
  differ('language', build.languages.length > 1 ? page.language : undefined, ours.language);
  // A title the generator makes up (from the folder, the file name) is one Postcraft does not claim to know.
  if (ours.title !== undefined || !page.derivesTitle) differ('title', page.title, ours.title ?? '');
  differ('draft', page.draft, ours.draft);
  if (page.tags) differ('tags', page.tags, ours.tags);
  differ('authors', page.authors, ours.authors);
  if (page.url !== undefined) differ('url', page.url, ours.url);
  return found;
}

/**
 * Only a refusal about the frontmatter (its syntax, a date) is one Postcraft must report; a bad `ref` or
 * `post_url`, a missing param or a Liquid error in the body is not checked by Postcraft (yet).
 */
function concernsFrontmatter(message: string): boolean {
  return /front ?matter|unmarshal|yaml|toml|date/i.test(message) && !/REF_NOT_FOUND|post_url|Liquid/i.test(message);
}

/** The generator's words for a template link to nothing (Hugo 0.111, Jekyll 4.3). */
function refusesTemplateLink(message: string): boolean {
  return /REF_NOT_FOUND|post_url|Could not find (post|document)/i.test(message);
}

/** Hugo reads these pages but leaves them out of every page list, so the oracle layout never sees them. */
function isUnlistedInHugo(path: string): boolean {
  const head = readFileSync(path, 'utf8').slice(0, 4000);
  return /^\s*(headless\s*[:=]\s*true|_?build\s*[:=])/m.test(head);
}

function byFile(a: { file: string }, b: { file: string }): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}

export function disagreements(comparison: Comparison): number {
  return (
    comparison.onlyGenerator.length +
    comparison.onlyPostcraft.length +
    comparison.differences.length +
    comparison.refusedUnreported.length +
    comparison.unfoundedRefusals.length +
    comparison.templateLinksUnreported.length +
    comparison.templateLinksUnfounded.length +
    comparison.datesUnreported.length +
    (comparison.failure ? 1 : 0)
  );
}

/** The differences as lines a reader can act on; empty when generator and Postcraft agree. */
export function describeDisagreements(comparison: Comparison): string {
  const name = { hugo: 'Hugo', jekyll: 'Jekyll', eleventy: 'Eleventy' }[comparison.generator];
  const lines: string[] = [];
  if (comparison.failure) lines.push(`${name} could not build the site:\n  ${comparison.failure.replaceAll('\n', '\n  ')}`);
  for (const page of comparison.onlyGenerator) lines.push(`- ${page.file}: a ${name} page (${page.kind}) that Postcraft does not check`);
  for (const file of comparison.onlyPostcraft) lines.push(`+ ${file}: checked by Postcraft, but ${name} builds no page from it`);
  for (const difference of comparison.differences) {
    lines.push(`~ ${difference.file}: ${difference.field} is ${JSON.stringify(difference.generator)} to ${name}, ${JSON.stringify(difference.postcraft)} to Postcraft`);
  }
  for (const entry of comparison.refusedUnreported) lines.push(`! ${entry.file}: ${name} refuses it (${entry.message}), Postcraft reports no error`);
  for (const entry of comparison.unfoundedRefusals) lines.push(`! ${entry.file}: ${name} builds it, but Postcraft reports ${entry.findings.join('; ')}`);
  for (const entry of comparison.templateLinksUnreported) lines.push(`! ${entry.file}: ${name} refuses a template link in it (${entry.message.slice(0, 200)}), Postcraft reports no broken link`);
  for (const entry of comparison.templateLinksUnfounded) lines.push(`! ${entry.file}: ${name} builds it, but Postcraft reports ${entry.findings.join('; ')}`);
  for (const entry of comparison.datesUnreported) lines.push(`! ${entry.file}: ${name} cannot read its "${entry.key}" and drops it, Postcraft reports no error`);
  return lines.join('\n');
}
