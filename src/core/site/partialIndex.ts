/**
 * Which Markdown files the site's posts import (MDX partials such as Docusaurus's `_part.md`, which
 * are no pages of their own), kept current importer by importer.
 */
export class PartialIndex {
  private readonly importsOf = new Map<string, readonly string[]>();
  private readonly importers = new Map<string, Set<string>>();

  /** Records what `importer` imports now, in place of what it imported before. */
  record(importer: string, imported: readonly string[]): void {
    const previous = this.importsOf.get(importer) ?? [];
    if (previous.length === imported.length && previous.every((path, index) => path === imported[index])) return;
    this.forget(importer);
    if (imported.length === 0) return;
    this.importsOf.set(importer, imported);
    for (const path of imported) {
      let importers = this.importers.get(path);
      if (!importers) this.importers.set(path, (importers = new Set()));
      importers.add(importer);
    }
  }

  /** A file that is gone or no longer a page imports nothing. */
  forget(importer: string): void {
    for (const path of this.importsOf.get(importer) ?? []) {
      const importers = this.importers.get(path);
      importers?.delete(importer);
      if (importers?.size === 0) this.importers.delete(path);
    }
    this.importsOf.delete(importer);
  }

  isImported(path: string): boolean {
    return this.importers.has(path);
  }

  /** Every imported file (pages among them: the caller tells which are partials). */
  imported(): IterableIterator<string> {
    return this.importers.keys();
  }
}
