import type { Range } from '../text/lineIndex';
import type { FindingCode, Severity } from '../settings/findingCodes';
import type { Message } from '../l10n/message';

// The codes and severities are the settings' vocabulary too (a severity per code): they live below both.
export { findingCodes, type FindingCode, type Severity } from '../settings/findingCodes';

export interface TextEdit {
  readonly file: string;
  readonly range: Range;
  readonly newText: string;
  /** The same text as a VS Code snippet (`${1:placeholder}`), where the editor can leave the cursor in it. */
  readonly snippet?: string;
}

/** A fix as data: the editor turns it into a WorkspaceEdit, the CLI prints it. */
export interface Fix {
  readonly title: string;
  /** The title's template, for fronts that translate it (l10n/message.ts). */
  readonly l10n?: Message;
  readonly edits: readonly TextEdit[];
  /** A file to create (e.g. a stub author page), never overwriting an existing one. */
  readonly createFile?: { readonly path: string; readonly content: string };
  readonly isPreferred?: boolean;
}

export interface Finding {
  readonly file: string;
  readonly range: Range;
  readonly severity: Severity;
  readonly code: FindingCode;
  /** In English; `l10n` is its template, for fronts that translate it (l10n/message.ts). */
  readonly message: string;
  readonly l10n?: Message;
  readonly fixes: readonly Fix[];
  /** Other places the finding involves (the first of two duplicate keys). */
  readonly related?: readonly { readonly file: string; readonly range: Range; readonly message: string; readonly l10n?: Message }[];
}
