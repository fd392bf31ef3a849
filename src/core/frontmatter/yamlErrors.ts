import { visit, type Document, type YAMLError, type YAMLMap, type YAMLSeq } from 'yaml';
import { closingQuoteEnd, flowCollectionEnd, isMissingQuote, quotedScalarStartsByEnd, restOfLineIsBlank } from './libyamlLeniency';
import type { FrontmatterProblem, OffsetRange } from './model';
import { described, msg, type Message, type MessageArgument } from '../l10n/message';
import { firstContentOffset, lineEndOffset, trimmedLineEnd } from './sourceLines';

/** Enough to show where a document goes wrong; thousands of squiggles help nobody. */
export const maxReportedErrors = 100;

interface PlacedError {
  readonly start: number;
  readonly end: number;
  /** Ours as a template; the `yaml` package's own in English. */
  readonly message: MessageArgument;
  /** Up to here the text belongs to this mistake: later errors starting inside are its echoes. */
  readonly coversUntil: number;
}

/**
 * The `yaml` package's errors where the writer made the mistake: an unclosed quote or bracket at the
 * line that opens it (the package notices it lines later, or at the end), an over-indented line at
 * that line, `key: value: more` at the value. Errors that echo one already placed (on its line, or
 * inside its runaway quote) are left out. Ranges stay on one line.
 */
export function yamlSyntaxProblems(source: string, doc: Document, shift: (start: number, end: number) => OffsetRange): FrontmatterProblem[] {
  const place = errorPlacer(source, doc);
  const problems: FrontmatterProblem[] = [];
  const covered: { start: number; end: number }[] = [];
  const isCovered = (offset: number) => covered.some((span) => offset >= span.start && offset < span.end);
  for (const [index, error] of doc.errors.entries()) {
    if (problems.length === maxReportedErrors) {
      const last = place(error);
      problems.push({ code: 'yaml-syntax', severity: 'error', ...described(msg('YAML: {0} more errors after this point are not listed.', doc.errors.length - index)), range: shift(last.start, last.end) });
      break;
    }
    const at = Math.min(error.pos[0], source.length);
    if (isCovered(at)) continue;
    const placed = place(error);
    if (isCovered(placed.start)) continue;
    covered.push({ start: Math.min(at, placed.start), end: Math.max(placed.coversUntil, lineEndOffset(source, at) + 1) });
    problems.push({ code: 'yaml-syntax', severity: 'error', ...described(msg('YAML: {0}', placed.message)), range: shift(placed.start, placed.end) });
  }
  return problems;
}

function errorPlacer(source: string, doc: Document): (error: YAMLError) => PlacedError {
  let quotedStarts: Map<number, number> | undefined;
  let flowStarts: Map<number, number> | undefined;
  const onLine = (start: number, message: MessageArgument, coversUntil = lineEndOffset(source, start) + 1): PlacedError => ({
    start,
    end: Math.max(trimmedLineEnd(source, start), start + 1),
    message,
    coversUntil,
  });

  return (error) => {
    const at = Math.min(error.pos[0], source.length);
    const libraryMessage = error.message.split('\n')[0]!.trim();

    if (isMissingQuote(error)) {
      // The package ends the scalar at the first line indented too little, or at the end of the text.
      const start = (quotedStarts ??= quotedScalarStartsByEnd(doc)).get(error.pos[0]);
      if (start !== undefined) return unclosedQuote(source, start, libraryMessage, onLine);
    }

    if (error.code === 'BAD_INDENT' && /^Flow (sequence|map)/.test(error.message)) {
      const start = (flowStarts ??= flowCollectionStartsByEnd(doc)).get(error.pos[0]);
      if (start !== undefined) {
        const closer = source[start] === '[' ? ']' : '}';
        const message = flowCollectionEnd(source, start, source.length, { skipComments: true }) === -1 ? msg('the "{0}" opened here is never closed with "{1}".', source[start]!, closer) : libraryMessage;
        return onLine(start, message, Math.max(at + 1, lineEndOffset(source, start) + 1));
      }
    }

    if (error.code === 'BLOCK_AS_IMPLICIT_KEY' && /^Nested mappings/.test(error.message)) {
      if (holdsMappingIndicator(source.slice(at, lineEndOffset(source, at)))) {
        return onLine(at, msg('this value holds ": ", which starts a key and value of their own here; quote the whole value.'));
      }
      // `title: x` and then `  date: …` indented below it: the fault is on the indented line.
      const next = nextContentLine(source, lineEndOffset(source, at));
      if (next !== -1) return onLine(next, msg('this line is indented as if it belonged to the key above, which already has its value.'));
    }

    if (error.code === 'MULTILINE_IMPLICIT_KEY' || (error.code === 'MISSING_CHAR' && /^Implicit map keys need to be followed/.test(error.message))) {
      const start = firstContentOffset(source, at);
      const line = source.slice(start, trimmedLineEnd(source, start));
      const message = /:[^\s]/.test(line) && !/:(?:\s|$)/.test(line) ? msg('a ":" between a key and its value needs a space after it.') : msg('this line is not "key: value"; is a ":" missing?');
      return onLine(start, message);
    }

    // `title: [Draft] Notes`, `title: "Say "hi""`: the value's first character made it a list, alias or
    // quote that ends before the text does; the package stops at the text after it.
    if (/^Unexpected scalar at node end/.test(error.message)) {
      const start = valueStartOnLine(source, at);
      const message = start === -1 ? undefined : valueIndicatorMessages[source[start]!];
      if (start !== -1 && message) return onLine(start, message);
    }

    if (error.code === 'BAD_SCALAR_START') return onLine(at, msg('a value cannot start with "{0}"; quote the whole value.', source[at]!));

    if (error.code === 'BLOCK_AS_IMPLICIT_KEY' && /^A block sequence/.test(error.message)) {
      const start = firstContentOffset(source, at);
      if (source[start] === '-') return onLine(start, msg('this list item is indented less than the items before it.'));
    }

    // Otherwise at the token the package names: past a line's indentation (a tab there is the fault itself).
    const start = error.code === 'TAB_AS_INDENT' ? at : firstContentOffset(source, at);
    const end = Math.min(Math.max(error.pos[1], start + 1), Math.max(trimmedLineEnd(source, start), start + 1));
    return { start, end, message: libraryMessage, coversUntil: lineEndOffset(source, start) + 1 };
  };
}

function unclosedQuote(source: string, start: number, libraryMessage: string, onLine: (start: number, message: MessageArgument, coversUntil?: number) => PlacedError): PlacedError {
  const quote = source[start]!;
  const close = closingQuoteEnd(source, start);
  if (close === -1) return onLine(start, msg('the {0} opened here is never closed.', quote), source.length + 1);
  if (!restOfLineIsBlank(source, close)) {
    return onLine(start, msg('the {0} opened here is not closed on its line: YAML reads on to the next {0}, and finds more text after that one.', quote), close);
  }
  return onLine(start, libraryMessage, close);
}

const valueIndicatorMessages: Record<string, Message> = {
  '[': msg('a value starting with "[" is a list, and text follows its "]"; quote the whole value.'),
  '{': msg('a value starting with "{" is a mapping, and text follows its "}"; quote the whole value.'),
  '*': msg('a value starting with "*" is an alias (a reference to an anchor); quote the whole value.'),
  '&': msg('a value starting with "&" names an anchor; quote the whole value.'),
  '"': msg('this quoted value ends at its second ", and text follows it: write \\" for a quote inside, or use single quotes.'),
  "'": msg("this quoted value ends at its second ', and text follows it: write '' for a quote inside, or use double quotes."),
};

/** Where the value of the `key: value` or `- value` on the line holding `at` starts, if before `at`; -1 otherwise. */
function valueStartOnLine(source: string, at: number): number {
  const lineStart = source.lastIndexOf('\n', at - 1) + 1;
  const before = source.slice(lineStart, at);
  const marker = /^(?:[ \t]*-[ \t]+)*(?:[^\s#"'[{][^\n]*?:[ \t]+)?/.exec(before)![0];
  const start = lineStart + marker.length;
  return marker.length > 0 && start < at ? start : -1;
}

/** A `: ` (or a `:` ending the line) after the value's start, past a leading quoted part. */
function holdsMappingIndicator(value: string): boolean {
  let rest = value;
  if (value[0] === '"' || value[0] === "'") {
    const close = closingQuoteEnd(value, 0);
    rest = close === -1 ? '' : value.slice(close);
  }
  return /:(?:[ \t]|$)/.test(rest);
}

/** The first non-blank character of the first line after `from` that is not blank or a comment; -1 if none. */
function nextContentLine(source: string, from: number): number {
  const pattern = /\n[ \t]*([^\s#])/g;
  pattern.lastIndex = from;
  const match = pattern.exec(source);
  return match ? match.index + match[0].length - 1 : -1;
}

function flowCollectionStartsByEnd(doc: Document): Map<number, number> {
  const starts = new Map<number, number>();
  const add = (node: YAMLMap | YAMLSeq) => {
    if (node.flow && node.range) starts.set(node.range[1], node.range[0]);
  };
  visit(doc, { Map: (_, node) => add(node), Seq: (_, node) => add(node) });
  return starts;
}
