/**
 * The few template expressions Hugo archetypes use, evaluated without Hugo: `{{ .Date }}`,
 * `{{ .Name }}`, `{{ .File.ContentBaseName }}`, `{{ replace .Name "-" " " | title }}`, `{{ .Title }}`,
 * `{{ now.Format "2006-01-02" }}`, `{{ .Date | time.Format "…" }}`. Anything else is left as written,
 * so the writer sees it rather than losing it.
 */
export interface ArchetypeValues {
  readonly name: string;
  readonly title: string;
  readonly date: Date;
}

export function evaluateArchetype(template: string, values: ArchetypeValues): string {
  return template.replace(/\{\{-?\s*([\s\S]*?)\s*-?\}\}/g, (whole, expression: string) => evaluate(expression.trim(), values) ?? whole);
}

function evaluate(expression: string, values: ArchetypeValues): string | undefined {
  const name = /\.(?:Name|File\.ContentBaseName|File\.BaseFileName|File\.TranslationBaseName)\b/;
  if (/^\.Date$/.test(expression)) return rfc3339(values.date);
  if (/^\.Title$/.test(expression)) return values.title;
  // Any pipeline that title-cases the file name stands for the title the writer typed.
  if (name.test(expression) && /\btitle\b/.test(expression)) return values.title;
  if (name.test(expression) && /^\.[\w.]+$/.test(expression)) return values.name;
  const format = /^(?:now\.Format|\.Date\.Format|time\.Format)\s+"([^"]+)"(?:\s+(?:now|\.Date))?$/.exec(expression) ?? /^\.Date\s*\|\s*time\.Format\s+"([^"]+)"$/.exec(expression);
  if (format) return formatGoTime(values.date, format[1]!);
  return undefined;
}

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const days = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Go's reference-time layouts (2006-01-02 15:04:05 -0700), the common tokens. */
export function formatGoTime(date: Date, layout: string): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const offset = -date.getTimezoneOffset();
  const zone = (colon: boolean) => `${offset >= 0 ? '+' : '-'}${pad(Math.trunc(Math.abs(offset) / 60))}${colon ? ':' : ''}${pad(Math.abs(offset) % 60)}`;
  const tokens: [string, () => string][] = [
    ['2006', () => String(date.getFullYear())],
    ['January', () => months[date.getMonth()]!],
    ['Jan', () => months[date.getMonth()]!.slice(0, 3)],
    ['Monday', () => days[date.getDay()]!],
    ['Mon', () => days[date.getDay()]!.slice(0, 3)],
    ['-07:00', () => zone(true)],
    ['-0700', () => zone(false)],
    ['Z07:00', () => (offset === 0 ? 'Z' : zone(true))],
    ['01', () => pad(date.getMonth() + 1)],
    ['02', () => pad(date.getDate())],
    ['15', () => pad(date.getHours())],
    ['03', () => pad(date.getHours() % 12 || 12)],
    ['04', () => pad(date.getMinutes())],
    ['05', () => pad(date.getSeconds())],
    ['06', () => pad(date.getFullYear() % 100)],
    ['PM', () => (date.getHours() < 12 ? 'AM' : 'PM')],
    ['1', () => String(date.getMonth() + 1)],
    ['2', () => String(date.getDate())],
    ['3', () => String(date.getHours() % 12 || 12)],
  ];
  let out = '';
  for (let i = 0; i < layout.length; ) {
    const token = tokens.find(([key]) => layout.startsWith(key, i));
    if (token) {
      out += token[1]();
      i += token[0].length;
    } else out += layout[i++];
  }
  return out;
}

export function rfc3339(date: Date): string {
  return formatGoTime(date, '2006-01-02T15:04:05-07:00');
}
