/**
 * The extension's bundle leaves parts of the core out of what activation parses: the `yaml` library, the rules
 * of the generators besides Hugo, and the editing features (completions, hover, link updates, fixes…). esbuild
 * builds each into a chunk of its own (scripts/lazyChunks.mjs), loaded the first time code reaches into it:
 * every module it holds is a stand-in in the main bundle whose exports load the chunk on first read. A chunk
 * is a function of the main bundle's modules it shares (the site model, the helpers, markdown-it), so that
 * there is one copy of each and `instanceof` and module state hold across bundles.
 *
 * Loading is synchronous: the desktop `require`s the chunk at first use; the web worker, which cannot load
 * a script synchronously, fetches every chunk once activated, and its file system waits for them (../web/extension.ts).
 * The CLI and the language server bundle the core whole and never reach this module.
 */

/** A chunk as built: what it needs of the main bundle in, its modules (by source path or package) out. */
type ChunkFactory = (sharedModule: (key: string) => object) => { readonly modules: Readonly<Record<string, object>> };

let loadChunk: ((name: string) => unknown) | undefined;
let sharedModules: Readonly<Record<string, object>> = {};
const chunks = new Map<string, Readonly<Record<string, object>>>();

/** How this host gets a chunk's factory by name, synchronously: set by each entry before anything runs. */
export function setChunkLoader(load: (name: string) => unknown): void {
  loadChunk = load;
}

/** The main bundle's modules that chunks import (written by the build, in the bundle's entry). */
export function registerSharedModules(modules: Readonly<Record<string, object>>): void {
  sharedModules = modules;
}

/** The stand-in for module `key` of chunk `chunkName`: its exports read the chunk's own, loading it once. */
export function lazyModule(chunkName: string, key: string, names: readonly string[]): object {
  return forwardingModule(() => chunkModules(chunkName)[key], names);
}

function chunkModules(name: string): Readonly<Record<string, object>> {
  let modules = chunks.get(name);
  if (!modules) {
    if (!loadChunk) throw new Error(`The extension's ${name} chunk is needed before its loader was set`);
    const factory = loadChunk(name) as ChunkFactory | undefined;
    if (typeof factory !== 'function') throw new Error(`The extension's ${name} chunk is not loaded`);
    modules = factory(sharedModule).modules;
    chunks.set(name, modules);
  }
  return modules;
}

function sharedModule(key: string): object {
  const module = sharedModules[key];
  if (!module) throw new Error(`A chunk imports ${key}, which the extension's bundle does not share`);
  return forwardingModule(() => module, Object.keys(module));
}

/** An ES module's exports as esbuild's CommonJS interop reads them: live, each read from `target()`. */
function forwardingModule(target: () => object | undefined, names: readonly string[]): object {
  const module = Object.defineProperty({}, '__esModule', { value: true });
  for (const name of names) {
    Object.defineProperty(module, name, { enumerable: true, get: () => (target() as Record<string, unknown>)[name] });
  }
  return module;
}
