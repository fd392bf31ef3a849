import { parseArgs } from 'node:util';
import { english, findingCodes, formatMessage, msg, type FindingCode, type Message, type Translate } from '../core/results';

export const outputFormats = ['text', 'json', 'sarif', 'github'] as const;
export type OutputFormat = (typeof outputFormats)[number];

export interface CheckArguments {
  readonly command: 'check';
  readonly folder: string;
  readonly format: OutputFormat;
  readonly maxWarnings: number | undefined;
  /** Threads that index posts (`--jobs`); undefined: one per core, on sites large enough to pay. */
  readonly jobs?: number;
  readonly severities: Partial<Record<FindingCode, 'error' | 'warning' | 'info' | 'off'>>;
  /** `--fix` writes the safe fixes; `--fix-dry-run` prints them as a diff. Absent: nothing is fixed. */
  readonly fix?: 'write' | 'dry-run';
  /** `--report-unused-disable`: suppression comments that silence nothing are findings. */
  readonly reportUnusedDisable?: true;
  /** `--cache`: reuse the findings of posts unchanged since the last run; the cache file's place if given. */
  readonly cache?: { readonly location: string | undefined };
}

export type ParsedArguments = CheckArguments | { readonly command: 'help' } | { readonly command: 'version' } | { readonly command: 'usage-error'; readonly message: string };

/** The options and what they do, in the order `--help` lists them; a line break in the text continues it under the text. */
const optionHelp: readonly (readonly [flags: string, help: Message])[] = [
  ['--format text|json|sarif|github', msg('Output format (default: text); github prints workflow annotations')],
  ['--max-warnings N', msg('Fail when there are more than N warnings')],
  ['--rule CODE=LEVEL', msg("Set a check's severity: error, warning, info or off (repeatable)")],
  ['--fix', msg('Apply the safe fixes (one preferred fix, in the post alone) in place')],
  ['--fix-dry-run', msg('Print the safe fixes as a unified diff; write nothing')],
  ['--report-unused-disable', msg('Report suppression comments that silence nothing (unused-disable)')],
  ['--jobs N', msg('Threads that read and check posts (default: one per core with 4 cores\nor more, on sites of 2,000 posts or more; 1: none)')],
  ['--cache', msg('Check only posts changed since the last run (and those they affect)')],
  ['--cache-location PATH', msg('The cache file or folder (default: node_modules/.cache/postcraft/)')],
  ['-h, --help', msg('Show this help')],
  ['-v, --version', msg('Show the version')],
];

/** `--help`, in the language of `translate`; option names, values and check codes stay as typed. */
export function usage(translate: Translate = english): string {
  const t = (message: Message) => formatMessage(message, translate);
  const indent = ' '.repeat(36);
  const options = optionHelp.map(([flags, help]) => `  ${flags.padEnd(indent.length - 2)}${t(help).replace(/\n/g, `\n${indent}`)}`);
  return [
    t(msg('Usage: postcraft check [folder] [options]')),
    '',
    t(msg('Checks every post of the static site(s) in the folder (default: the current folder):\nbroken images, unknown authors, misspelled tags, frontmatter errors.')),
    '',
    t(msg('Options:')),
    ...options,
    '',
    t(msg('Exit codes: 0 no errors (and warnings within --max-warnings), 1 findings, 2 usage or internal error.')),
    t(msg('Checks: {0}', findingCodes.join(', '))),
  ].join('\n');
}

const commands = ['check'] as const;
const options = {
  format: { type: 'string' },
  'max-warnings': { type: 'string' },
  rule: { type: 'string', multiple: true },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  'report-unused-disable': { type: 'boolean' },
  jobs: { type: 'string' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;
const optionNames = [...Object.keys(options).map((name) => `--${name}`), '-h', '-v'];

/** Pure argument parsing: no I/O, so every case is a unit test. A usage error's message in the language of `translate`. */
export function parseArguments(argv: readonly string[], translate: Translate = english): ParsedArguments {
  const usageError = (message: Message): ParsedArguments => ({ command: 'usage-error', message: formatMessage(message, translate) });
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    const unknown = (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? unknownOptionMessage(argv) : undefined;
    const text = error instanceof Error ? error.message : String(error);
    const known = unknown ?? parseArgsMessage(text);
    return known ? usageError(known) : { command: 'usage-error', message: text };
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };

  const format = values.format ?? 'text';
  if (!(outputFormats as readonly string[]).includes(format)) return usageError(withSuggestion(msg('--format must be {0} (got {1})', outputFormats.join(', '), format), didYouMean(format, outputFormats)));
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (values['max-warnings'].trim() === '' || !Number.isInteger(maxWarnings) || maxWarnings < 0) return usageError(msg('--max-warnings takes a whole number of 0 or more'));
  }
  let jobs: number | undefined;
  if (values.jobs !== undefined) {
    jobs = Number(values.jobs);
    if (values.jobs.trim() === '' || !Number.isInteger(jobs) || jobs < 1) return usageError(msg('--jobs takes a whole number of 1 or more'));
  }
  const severities: CheckArguments['severities'] = {};
  for (const rule of values.rule ?? []) {
    const [code, level] = rule.split('=');
    if (!findingCodes.includes(code as FindingCode) || !['error', 'warning', 'info', 'off'].includes(level ?? '')) {
      return usageError(msg('--rule takes CODE=error|warning|info|off with CODE one of: {0}', findingCodes.join(', ')));
    }
    severities[code as FindingCode] = level as 'error';
  }

  if (values.fix && values['fix-dry-run']) return usageError(msg('--fix writes the fixes and --fix-dry-run only shows them: give one'));
  // The dry run's output is the diff: a machine-readable report cannot share stdout with it.
  if (values['fix-dry-run'] && format !== 'text') return usageError(msg('--fix-dry-run prints a diff; it takes no --format'));
  const fix: CheckArguments['fix'] = values.fix ? 'write' : values['fix-dry-run'] ? 'dry-run' : undefined;
  const extras = { ...(fix ? { fix } : {}), ...(values['report-unused-disable'] ? { reportUnusedDisable: true as const } : {}) } as const;

  const [command, ...rest] = positionals;
  let folders: string[];
  if (command === undefined) folders = [];
  else if ((commands as readonly string[]).includes(command)) folders = rest;
  // `postcraft ./blog` has always checked that folder; a bare word is a command, so a typo such as
  // `postcraft chekc` is an error, never a folder that does not exist.
  else if (looksLikePath(command)) folders = positionals;
  else return usageError(withSuggestion(msg('Unknown command {0}', command), didYouMean(command, commands) ?? msg('To check a folder: postcraft check {0}', command)));
  if (folders.length > 1) return usageError(msg('postcraft check takes one folder'));
  const cache = values.cache ? { cache: { location: values['cache-location'] } } : {};
  return { command: 'check', folder: folders[0] ?? '.', format: format as OutputFormat, maxWarnings, severities, ...(jobs !== undefined ? { jobs } : {}), ...cache, ...extras };
}

function looksLikePath(word: string): boolean {
  return word === '.' || word === '..' || word.includes('/') || word.includes('\\');
}

/** The first option parseArgs would not know, with a suggestion; undefined for other parse errors. */
function unknownOptionMessage(argv: readonly string[]): Message | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return undefined;
    if (!arg.startsWith('-') || arg === '-') continue;
    if (!arg.startsWith('--')) {
      // A cluster of short flags (-hv): each letter must be one we know.
      const unknown = [...arg.slice(1)].find((letter) => !optionNames.includes(`-${letter}`));
      if (unknown !== undefined) return withSuggestion(msg('Unknown option {0}', `-${unknown}`), didYouMean(`-${unknown}`, optionNames));
      continue;
    }
    const name = arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg;
    if (!optionNames.includes(name)) return withSuggestion(msg('Unknown option {0}', name), didYouMean(name, optionNames));
    // The next word is this option's value, whatever it looks like.
    if (!arg.includes('=') && options[name.slice(2) as keyof typeof options].type === 'string') i++;
  }
  return undefined;
}

/**
 * Node's parseArgs errors (a value missing after an option, a value given to a flag) as templates whose English is
 * Node's own words, so that they can be translated; undefined for words another Node version may use.
 */
function parseArgsMessage(text: string): Message | undefined {
  let match = /^Option '([^']+) <value>' argument missing$/.exec(text);
  if (match) return msg("Option '{0} <value>' argument missing", match[1]!);
  match = /^Option '([^']+)' does not take an argument$/.exec(text);
  if (match) return msg("Option '{0}' does not take an argument", match[1]!);
  match = /^Option '([^']+)' argument is ambiguous\.\nDid you forget to specify the option argument for '\1'\?\nTo specify an option argument starting with a dash use '([^']+)'\.$/.exec(text);
  if (match) return msg("Option '{0}' argument is ambiguous.\nDid you forget to specify the option argument for '{0}'?\nTo specify an option argument starting with a dash use '{1}'.", match[1]!, match[2]!);
  return undefined;
}

/** The error, then the sentence that helps (`Unknown option --formt. Did you mean --format?`), if any. */
function withSuggestion(error: Message, suggestion: Message | undefined): Message {
  return suggestion ? msg('{0}. {1}', error, suggestion) : error;
}

/** `Did you mean X?` for the closest known word within a typo's reach, or undefined. */
export function didYouMean(given: string, known: readonly string[]): Message | undefined {
  // A one- or two-letter slip has too many neighbours for a suggestion to help.
  if (given.replace(/^-+/, '').length < 3) return undefined;
  let best: { word: string; distance: number } | undefined;
  for (const word of known) {
    const distance = editDistance(given.toLowerCase(), word);
    if (!best || distance < best.distance) best = { word, distance };
  }
  const reach = Math.max(1, Math.floor(given.replace(/^-+/, '').length / 3));
  return best && best.distance <= reach ? msg('Did you mean {0}?', best.word) : undefined;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swapped neighbours cost 1. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}
