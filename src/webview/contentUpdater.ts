/**
 * Puts new preview HTML into the page without flicker: blocks that did not change (ignoring their
 * `data-line`, which shifts when lines are added above) stay in place, so images do not reload and
 * the scroll position holds; only the changed run of blocks in between is replaced.
 */
export class ContentUpdater {
  /** The live top-level nodes, and the key of each (its HTML as it arrived, without data-line). */
  private nodes: ChildNode[] = [];
  private keys: string[] = [];

  constructor(private readonly root: HTMLElement, private readonly formatDates: (within: ParentNode) => void) {}

  update(html: string): void {
    const template = document.createElement('template');
    template.innerHTML = html;
    const incoming = [...template.content.childNodes].filter((node) => node.nodeType === Node.ELEMENT_NODE || node.textContent?.trim());
    const keys = incoming.map(keyOf);

    let prefix = 0;
    while (prefix < this.keys.length && prefix < keys.length && this.keys[prefix] === keys[prefix]) prefix++;
    let suffix = 0;
    while (suffix < this.keys.length - prefix && suffix < keys.length - prefix && this.keys[this.keys.length - 1 - suffix] === keys[keys.length - 1 - suffix]) suffix++;

    const replaced = incoming.slice(prefix, keys.length - suffix);
    const styles = detachInlineStyles(replaced);
    const anchor = this.nodes[this.nodes.length - suffix] ?? null;
    for (const node of this.nodes.slice(prefix, this.nodes.length - suffix)) node.remove();
    for (const node of replaced) this.root.insertBefore(node, anchor);
    applyInlineStyles(styles);
    for (const node of replaced) if (node instanceof Element) this.formatDates(node);

    const kept = (index: number) => (index < prefix ? this.nodes[index]! : this.nodes[this.nodes.length - (keys.length - index)]!);
    const nodes = incoming.map((node, index) => (index < prefix || index >= keys.length - suffix ? kept(index) : node));
    for (let index = 0; index < nodes.length; index++) if (index < prefix || index >= keys.length - suffix) copyLines(incoming[index]!, nodes[index]!);
    this.nodes = nodes;
    this.keys = keys;
  }

  /** Replaces everything, e.g. with a notice. */
  replaceAll(node: Node): void {
    this.root.replaceChildren(node);
    this.nodes = [...this.root.childNodes];
    this.keys = this.nodes.map(() => '');
  }
}

function keyOf(node: ChildNode): string {
  return node instanceof Element ? node.outerHTML.replace(/ data-line="\d+"/g, '') : `#text ${node.textContent ?? ''}`;
}

/** Gives a kept block the `data-line` values of its new twin (same structure, lines maybe shifted). */
function copyLines(from: ChildNode, to: ChildNode): void {
  if (!(from instanceof Element) || !(to instanceof Element)) return;
  const sources = [from, ...from.querySelectorAll('[data-line]')].filter((element) => element.hasAttribute('data-line'));
  const targets = [to, ...to.querySelectorAll('[data-line]')].filter((element) => element.hasAttribute('data-line'));
  sources.forEach((source, index) => {
    const line = source.getAttribute('data-line')!;
    if (targets[index]?.getAttribute('data-line') !== line) targets[index]?.setAttribute('data-line', line);
  });
}

/**
 * The CSP allows no inline style attributes, but it does allow styles set through the CSSOM: the
 * (already sanitised) declarations are taken off before insertion and set again afterwards.
 */
function detachInlineStyles(nodes: readonly ChildNode[]): [HTMLElement, string][] {
  const styles: [HTMLElement, string][] = [];
  for (const node of nodes) {
    if (!(node instanceof HTMLElement)) continue;
    for (const element of [node, ...node.querySelectorAll<HTMLElement>('[style]')]) {
      const style = element.getAttribute('style');
      if (style === null) continue;
      element.removeAttribute('style');
      styles.push([element, style]);
    }
  }
  return styles;
}

function applyInlineStyles(styles: readonly [HTMLElement, string][]): void {
  for (const [element, style] of styles) element.style.cssText = style;
}
