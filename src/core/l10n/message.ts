/**
 * User-visible text of the core, as an English template and its arguments, so that each front can
 * translate it whole and a translation can put the arguments where its grammar wants them. Findings keep
 * their English text (`message`, which JSON, SARIF and tests read) and carry the template beside it
 * (`l10n`); the extension translates with `vscode.l10n.t`, the language server and the CLI with
 * `@vscode/l10n` (src/node/l10n.ts), all from the bundles in l10n/, whose keys are the English templates.
 *
 * Adding a message:
 * 1. Write it as `msg('Tag "{0}" is not in {1}.', tag, where)`: the template a string literal (the export
 *    script reads it from the source), `{0}`, `{1}`… for what varies. Names, paths and numbers are plain
 *    arguments; a clause that is itself words is a nested `msg(…)`, so it is translated too.
 * 2. Run `npm run l10n:export`, which writes l10n/bundle.l10n.json, and add the translation to
 *    l10n/bundle.l10n.es.json. test/unit/l10n.test.ts fails until both are done.
 * A string that becomes a message's template only later (a schema's error, read back from zod's issue) is
 * marked with `translatable('…')` so that the export finds it.
 */
export interface Message {
  readonly template: string;
  readonly args: readonly MessageArgument[];
}

export type MessageArgument = string | number | Message;

/** Translates one template and fills its placeholders, as `vscode.l10n.t(template, ...args)` does. */
export type Translate = (template: string, args: readonly (string | number)[]) => string;

export function msg(template: string, ...args: MessageArgument[]): Message {
  return { template, args };
}

/** Marks a string the export script must put in the bundle, for a message whose template is read at run time. */
export function translatable(template: string): string {
  return template;
}

/** A message whose template is a string marked `translatable` (or, if not, that stays English). */
export function msgOfTranslatable(template: string, ...args: MessageArgument[]): Message {
  return { template, args };
}

/** `{0}`… replaced by their arguments, anything else in braces kept: @vscode/l10n's and VS Code's own rule. */
export function fillPlaceholders(template: string, args: readonly (string | number)[]): string {
  if (args.length === 0) return template;
  return template.replace(/{([^}]+)}/g, (match, index: string) => {
    const value = args[Number(index)];
    return /^\d+$/.test(index) && value !== undefined ? String(value) : match;
  });
}

export const english: Translate = fillPlaceholders;

/** The message's text, nested messages first, each through `translate`. */
export function formatMessage(message: Message, translate: Translate = english): string {
  const args = message.args.map((arg) => (typeof arg === 'object' ? formatMessage(arg, translate) : arg));
  return translate(message.template, args);
}

/** The English text and the template of a message, as a finding or a problem holds them. */
export function described(message: Message): { readonly message: string; readonly l10n: Message } {
  return { message: formatMessage(message), l10n: message };
}

/** The English title and the template of a fix. */
export function titled(title: Message): { readonly title: string; readonly l10n: Message } {
  return { title: formatMessage(title), l10n: title };
}

/** `"a"`, `"a" or "b"`, `"a" or "b" or "c"`: alternatives the writer may have meant. */
export function alternatives(quoted: readonly string[]): MessageArgument {
  return quoted.slice(1).reduce<MessageArgument>((list, next) => msg('{0} or {1}', list, next), quoted[0] ?? '');
}

/** The text to show for something with an English text and maybe a template (a finding, a fix title). */
export function localize(text: string, l10n: Message | undefined, translate: Translate): string {
  return l10n ? formatMessage(l10n, translate) : text;
}
