import type { Range } from '../text/lineIndex';
import type { FindingCode, Severity } from '../settings/findingCodes';

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
  readonly message: string;
  readonly fixes: readonly Fix[];
  /** Other places the finding involves (the first of two duplicate keys). */
  readonly related?: readonly { readonly file: string; readonly range: Range; readonly message: string }[];
}
