import { variantKey } from '../text/similarity';

/** How often each tag is used across the site, and where. */
export interface TagUsage {
  readonly tag: string;
  readonly count: number;
  readonly posts: ReadonlySet<string>;
  /** Lower case, and the spelling-independent key (see `variantKey`), computed once per index version. */
  readonly lower: string;
  readonly variant: string;
}

export class TagIndex {
  private readonly usage = new Map<string, Set<string>>();
  /** Bumped on every change, so derived data (typo suggestions) knows when to recompute. */
  version = 0;

  add(post: string, tags: readonly string[]): void {
    this.version++;
    for (const tag of tags) {
      let posts = this.usage.get(tag);
      if (!posts) this.usage.set(tag, (posts = new Set()));
      posts.add(post);
    }
  }

  remove(post: string, tags: readonly string[]): void {
    this.version++;
    for (const tag of tags) {
      const posts = this.usage.get(tag);
      posts?.delete(post);
      if (posts?.size === 0) this.usage.delete(tag);
    }
  }

  count(tag: string): number {
    return this.usage.get(tag)?.size ?? 0;
  }

  get(tag: string): TagUsage | undefined {
    const posts = this.usage.get(tag);
    return posts ? { tag, count: posts.size, posts, lower: tag.toLowerCase(), variant: variantKey(tag) } : undefined;
  }

  /** Every tag, most used first, then alphabetical. */
  all(): readonly TagUsage[] {
    if (this.sorted?.version === this.version) return this.sorted.list;
    const list = [...this.usage]
      .map(([tag, posts]) => ({ tag, count: posts.size, posts, lower: tag.toLowerCase(), variant: variantKey(tag) }))
      .sort((a, b) => b.count - a.count || (a.tag < b.tag ? -1 : 1));
    this.sorted = { version: this.version, list };
    return list;
  }

  private sorted: { version: number; list: TagUsage[] } | undefined;

  get size(): number {
    return this.usage.size;
  }
}
