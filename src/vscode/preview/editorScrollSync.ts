import * as vscode from 'vscode';

/**
 * Keeps editor → preview and preview → editor scrolling from feeding each other: a scroll one side
 * causes must not come back from the other, and typing never lets the preview move the editor.
 */
export class EditorScrollSync {
  private ignoreEditorUntil = 0;
  private lastEditAt = 0;

  /** The previewed document changed: its preview will re-layout, which is not the writer scrolling. */
  noteEdit(): void {
    this.lastEditAt = Date.now();
  }

  /** Whether an editor's scrolling is the writer's own, to pass on to the preview. */
  followsEditor(): boolean {
    return Date.now() >= this.ignoreEditorUntil;
  }

  /** The writer scrolled the preview to `line`: bring that line to the top of the editor. */
  revealInEditor(editor: vscode.TextEditor, line: number): void {
    if (Date.now() - this.lastEditAt < 500) return;
    this.ignoreEditorUntil = Date.now() + 300;
    const whole = Math.min(Math.floor(line), editor.document.lineCount - 1);
    editor.revealRange(new vscode.Range(whole, 0, whole, 0), vscode.TextEditorRevealType.AtTop);
  }
}
