import { findingCodes, type FindingCode } from '../core/index';

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CheckArguments {
  readonly command: 'check';
  readonly folder: string;
  readonly format: OutputFormat;
  readonly maxWarnings: number | undefined;
  readonly severities: Partial<Record<FindingCode, 'error' | 'warning' | 'info' | 'off'>>;
}

export type ParsedArguments = CheckArguments | { readonly command: 'help' } | { readonly command: 'version' } | { readonly command: 'usage-error'; readonly message: string };

export const usage = `Usage: postcraft check [folder] [options]

Checks every post of the static site(s) in the folder (default: the current folder):
broken images, unknown authors, misspelled tags, frontmatter errors.

Options:
  --format text|json|sarif   Output format (default: text)
  --max-warnings N           Fail when there are more than N warnings
  --rule CODE=LEVEL          Set a check's severity: error, warning, info or off (repeatable)
  -h, --help                 Show this help
  -v, --version              Show the version

Exit codes: 0 no errors (and warnings within --max-warnings), 1 findings, 2 usage or internal error.
Checks: ${findingCodes.join(', ')}`;

/** Pure argument parsing: no I/O, so every case is a unit test. */
export function parseArguments(argv: readonly string[]): ParsedArguments {
  const positional: string[] = [];
  let format: OutputFormat = 'text';
  let maxWarnings: number | undefined;
  const severities: CheckArguments['severities'] = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inlineValue] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inlineValue ?? argv[++i];
    switch (flag) {
      case '-h':
      case '--help':
        return { command: 'help' };
      case '-v':
      case '--version':
        return { command: 'version' };
      case '--format': {
        const given = value();
        if (given !== 'text' && given !== 'json' && given !== 'sarif') return { command: 'usage-error', message: `--format must be text, json or sarif (got ${given ?? 'nothing'})` };
        format = given;
        break;
      }
      case '--max-warnings': {
        const given = Number(value());
        if (!Number.isInteger(given) || given < 0) return { command: 'usage-error', message: '--max-warnings takes a whole number of 0 or more' };
        maxWarnings = given;
        break;
      }
      case '--rule': {
        const [code, level] = (value() ?? '').split('=');
        if (!findingCodes.includes(code as FindingCode) || !['error', 'warning', 'info', 'off'].includes(level ?? '')) {
          return { command: 'usage-error', message: `--rule takes CODE=error|warning|info|off with CODE one of: ${findingCodes.join(', ')}` };
        }
        severities[code as FindingCode] = level as 'error';
        break;
      }
      default:
        if (arg.startsWith('-')) return { command: 'usage-error', message: `Unknown option ${arg}` };
        positional.push(arg);
    }
  }
  if (positional[0] === 'check') positional.shift();
  else if (positional.length > 0 && positional[0] !== undefined && !positional[0].includes('/') && positional[0] !== '.' && positional.length > 1) {
    return { command: 'usage-error', message: `Unknown command ${positional[0]}` };
  }
  if (positional.length > 1) return { command: 'usage-error', message: 'postcraft check takes one folder' };
  return { command: 'check', folder: positional[0] ?? '.', format, maxWarnings, severities };
}
