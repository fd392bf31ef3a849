/** Code spans within one line (`…`): their text is no markup (a tag or link there is shown as written). */
export function codeSpans(text: string): [number, number][] {
  if (!text.includes('`')) return [];
  const spans: [number, number][] = [];
  for (let i = 0; i < text.length; ) {
    if (text[i] !== '`') {
      i++;
      continue;
    }
    let run = i;
    while (text[run] === '`') run++;
    const fence = text.slice(i, run);
    const close = text.indexOf(fence, run);
    if (close === -1) {
      i = run;
      continue;
    }
    spans.push([i, close + fence.length]);
    i = close + fence.length;
  }
  return spans;
}
