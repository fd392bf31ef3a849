import { parseFrontmatter } from '../frontmatter/parse';
import { anyFrontmatter, type FrontmatterSyntax } from '../frontmatter/split';
import type { Frontmatter } from '../frontmatter/model';
import { LineIndex } from '../text/lineIndex';

/** One post's text, parsed once and shared by every check and feature. */
export interface ParsedPost {
  readonly path: string;
  readonly text: string;
  readonly lines: LineIndex;
  readonly frontmatter: Frontmatter | undefined;
  /** Offset where the Markdown body starts (after the frontmatter block). */
  readonly bodyStart: number;
}

export function parsePost(path: string, text: string, syntax: FrontmatterSyntax = anyFrontmatter): ParsedPost {
  const frontmatter = parseFrontmatter(text, syntax);
  return { path, text, lines: new LineIndex(text), frontmatter, bodyStart: frontmatter?.blockRange.end ?? 0 };
}
