import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';

// The architecture as data. src/core's folders, bottom up: a folder imports from its own layer and the
// layers below, never above, and no folders import each other round a loop (in a layer either). A file
// directly in src/core (service.ts, index.ts) counts as a folder of its own name.
const coreLayers: readonly (readonly string[])[] = [
  ['text', 'l10n'], // strings, paths, positions: no file system, no site; user-visible text as templates (l10n/message.ts)
  ['host', 'frontmatter'], // the seams (file system, cancellation, logger); frontmatter parsing
  ['post'], // one post read in its generator's dialect
  ['schema', 'settings', 'links'], // frontmatter schemas; postcraft.config.json and its finding codes; links and anchors of pages
  ['site'], // the site model: generators, routes, the index, and resolving a link in it
  ['checks', 'features', 'render'], // one finding code per check, editor features, the preview renderer
  ['service', 'cache'], // PostcraftService, the one way in; the CLI's cache of findings between runs
  ['index', 'results'], // the public surface, and its light part (results.ts) a front may load alone
];

/**
 * Imports against the layering that are known and waiting to be fixed. Each names a reason; the test
 * fails once one is gone, so the list only shrinks.
 */
const knownViolations: readonly { readonly from: string; readonly to: string; readonly why: string }[] = [];
const knownCycles: readonly { readonly folders: readonly string[]; readonly why: string }[] = [];

// The fronts reach the core through its public surfaces only: the service and plain data types
// (core/index.ts, and its light part core/results.ts), and the preview renderer (core/render/index.ts, apart so that the CLI's bundle carries
// no renderer). src/node is the Node host of the core's seams: it implements host/ with text/'s paths, and
// translates l10n/'s messages.
const frontRules: readonly { readonly front: string; readonly mayImport: readonly string[] }[] = [
  { front: 'src/vscode', mayImport: ['src/core/index.ts', 'src/core/render/index.ts', 'src/node/index.ts', 'src/shared', 'src/vscode'] },
  { front: 'src/web', mayImport: ['src/core/index.ts', 'src/vscode', 'src/web'] },
  { front: 'src/cli', mayImport: ['src/core/index.ts', 'src/core/results.ts', 'src/node/index.ts', 'src/cli'] },
  { front: 'src/server', mayImport: ['src/core/index.ts', 'src/node/index.ts', 'src/server'] },
  { front: 'src/node', mayImport: ['src/core/host', 'src/core/text', 'src/core/l10n', 'src/node'] },
];

const root = resolve(import.meta.dirname, '../..');

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

/** The project files a file imports (`import`, `export … from`, `import()`), as paths from the root. */
function localImports(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
  return importedFiles
    .map(({ fileName }) => fileName)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => {
      const target = relative(root, resolve(root, dirname(file), specifier));
      return /\.tsx?$/.test(target) ? target : `${target}.ts`;
    });
}

/** `src/core/site/routes/hugo.ts` → `site`; `src/core/service.ts` → `service`. */
function coreFolder(path: string): string {
  const [first] = path.slice('src/core/'.length).split('/');
  return first!.replace(/\.tsx?$/, '');
}

/** The strongly connected parts of a graph with more than one node: its loops. */
function loops(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (stack.includes(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const part: string[] = [];
    let popped: string;
    do part.push((popped = stack.pop()!));
    while (popped !== node);
    if (part.length > 1) found.push(part.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

/** What breaks the rules in a set of imports: `[]` when they hold. */
export function layeringProblems(imports: readonly { readonly from: string; readonly to: string }[]): string[] {
  const problems: string[] = [];
  const layerOf = new Map(coreLayers.flatMap((folders, layer) => folders.map((folder) => [folder, layer] as const)));
  const graph = new Map<string, Set<string>>();
  const seenViolations = new Set<string>();
  for (const { from, to } of imports) {
    if (from.startsWith('src/core/')) {
      if (!to.startsWith('src/core/')) {
        problems.push(`${from} imports ${to}, outside the core`);
        continue;
      }
      const [a, b] = [coreFolder(from), coreFolder(to)];
      if (a === b) continue;
      const [layerA, layerB] = [layerOf.get(a), layerOf.get(b)];
      if (layerA === undefined || layerB === undefined) problems.push(`${from} → ${to}: add the folder ${layerA === undefined ? a : b} to coreLayers`);
      else if (layerB > layerA) {
        const known = knownViolations.find((violation) => `src/core/${violation.from}` === from && `src/core/${violation.to}` === to);
        if (!known) problems.push(`${from} imports ${to}: ${b} is above ${a} in the layering`);
        else {
          seenViolations.add(`${known.from} → ${known.to}`);
          continue; // reported already (or known): not an edge of the loops looked for below
        }
      }
      if (!graph.has(a)) graph.set(a, new Set());
      graph.get(a)!.add(b);
      continue;
    }
    const rule = frontRules.find(({ front }) => from.startsWith(`${front}/`));
    if (rule && to.startsWith('src/') && !rule.mayImport.some((allowed) => to === allowed || to.startsWith(`${allowed}/`))) {
      problems.push(`${from} imports ${to}: ${rule.front} may import only ${rule.mayImport.join(', ')}`);
    }
  }
  for (const loop of loops(graph)) {
    const known = knownCycles.some(({ folders }) => folders.join() === loop.join());
    if (!known) problems.push(`the core's folders ${loop.join(', ')} import each other`);
  }
  for (const { from, to } of knownViolations) if (!seenViolations.has(`${from} → ${to}`)) problems.push(`the known violation ${from} → ${to} is gone: remove it from knownViolations`);
  for (const { folders } of knownCycles) if (!loops(graph).some((loop) => loop.join() === folders.join())) problems.push(`the known cycle ${folders.join(', ')} is gone: remove it from knownCycles`);
  return problems;
}

function projectImports(): { from: string; to: string }[] {
  return ['src/core', ...frontRules.map(({ front }) => front)].flatMap(sourceFiles).flatMap((from) => localImports(from).map((to) => ({ from, to })));
}

/**
 * The service still hands its own callers (the service's tests, the renderer) the site model; the fronts
 * ask for plain data instead. A call of one of these in a front is a site model reaching the front.
 */
const siteModelMembers = /\bservice\s*\.\s*(siteFor|openSites|parse|checkSite)\b(?!At)/;

function frontsReachingTheSiteModel(): string[] {
  return ['src/vscode', 'src/cli', 'src/web', 'src/server']
    .flatMap(sourceFiles)
    .flatMap((file) => readFileSync(join(root, file), 'utf8').split('\n').flatMap((line, index) => (siteModelMembers.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : [])));
}

describe('layering', () => {
  it('holds for every import of the core and its fronts', () => {
    assert.deepEqual(layeringProblems(projectImports()), []);
  });

  it('leaves the site model to the core: no front calls the service members that return it', () => {
    assert.deepEqual(frontsReachingTheSiteModel(), []);
  });

  it('reports an import from a lower layer to a higher one', () => {
    const problems = layeringProblems([...projectImports(), { from: 'src/core/text/paths.ts', to: 'src/core/site/site.ts' }]);
    assert.ok(problems.includes('src/core/text/paths.ts imports src/core/site/site.ts: site is above text in the layering'), problems.join('\n'));
  });

  it('reports two folders of one layer that import each other', () => {
    const problems = layeringProblems([...projectImports(), { from: 'src/core/checks/tags.ts', to: 'src/core/features/completions.ts' }, { from: 'src/core/features/completions.ts', to: 'src/core/checks/tags.ts' }]);
    assert.deepEqual(problems, ["the core's folders checks, features import each other"]);
  });

  it('reports a front reaching past the public surface, and the core reaching out of itself', () => {
    const problems = layeringProblems([...projectImports(), { from: 'src/cli/main.ts', to: 'src/core/site/site.ts' }, { from: 'src/core/host/fileSystem.ts', to: 'src/node/nodeFileSystem.ts' }]);
    assert.deepEqual(problems, [
      'src/cli/main.ts imports src/core/site/site.ts: src/cli may import only src/core/index.ts, src/core/results.ts, src/node/index.ts, src/cli',
      'src/core/host/fileSystem.ts imports src/node/nodeFileSystem.ts, outside the core',
    ]);
  });
});
