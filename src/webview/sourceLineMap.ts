interface LineElement {
  readonly element: HTMLElement;
  readonly line: number;
}

/**
 * Maps source lines to positions in the page and back, through the `data-line` of each block:
 * between two blocks, lines are spread evenly over the space between them.
 */
export class SourceLineMap {
  private cached: LineElement[] | undefined;

  constructor(private readonly root: HTMLElement) {}

  /** The content or its layout changed (new HTML, a <details> opened). */
  invalidate(): void {
    this.cached = undefined;
  }

  /** The page offset (document y) where `line` starts. */
  offsetOfLine(line: number): number {
    const elements = this.elements();
    const previous = lastIndexWhere(elements, (entry) => entry.line <= line);
    if (previous < 0) return 0;
    const before = elements[previous]!;
    const after = elements[previous + 1];
    const top = topOf(before.element);
    if (!after) return top + Math.min(1, line - before.line) * before.element.getBoundingClientRect().height;
    return top + ((line - before.line) / (after.line - before.line)) * (topOf(after.element) - top);
  }

  /** The (fractional) source line shown at page offset `offset`. */
  lineAtOffset(offset: number): number {
    const elements = this.elements();
    const previous = lastIndexWhere(elements, (entry) => topOf(entry.element) <= offset);
    if (previous < 0) return 0;
    const before = elements[previous]!;
    const after = elements[previous + 1];
    if (!after) return before.line;
    const top = topOf(before.element);
    const span = topOf(after.element) - top;
    return before.line + (span > 0 ? Math.min(1, (offset - top) / span) : 0) * (after.line - before.line);
  }

  /**
   * Blocks in page order with lines that never go back (footnotes, rendered at the end, are left out)
   * and a layout box (not inside a closed <details>).
   */
  private elements(): LineElement[] {
    if (this.cached) return this.cached;
    const elements: LineElement[] = [];
    for (const element of this.root.querySelectorAll<HTMLElement>('[data-line]')) {
      const line = Number(element.dataset['line']);
      const last = elements[elements.length - 1];
      if (!Number.isInteger(line) || (last && line < last.line) || element.getClientRects().length === 0) continue;
      if (last && line === last.line) continue; // the outermost block of a line speaks for it
      elements.push({ element, line });
    }
    return (this.cached = elements);
  }
}

function topOf(element: HTMLElement): number {
  return element.getBoundingClientRect().top + window.scrollY;
}

/** The last index whose entry passes `test`, for a test that holds up to some index and fails after it; -1 if none. */
function lastIndexWhere<T>(entries: readonly T[], test: (entry: T) => boolean): number {
  let low = 0;
  let high = entries.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (test(entries[middle]!)) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}
