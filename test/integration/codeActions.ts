import * as vscode from 'vscode';

/**
 * The code actions of `kind` at `range`, asked again, as the lightbulb does, until `wanted` holds or 5 s
 * have passed; the last answer is returned for the caller to assert on.
 *
 * VS Code cancels a code-action request in flight when the set of code-action providers for the document
 * changes (its `getCodeActions` listens to the provider registry). That happens when a built-in extension
 * activates on the first Markdown file opened (`vscode.extension-editing`, then
 * `vscode.markdown-language-features`), or registers its providers again after a settings change. The
 * request then fails with "Canceled", or comes back empty when the provider answered after the cancel.
 * Measured on VS Code 1.100.3 with the fix-all test run alone: every run was cancelled this way.
 */
export async function codeActionsUntil(uri: vscode.Uri, range: vscode.Range, kind: vscode.CodeActionKind, wanted: (actions: readonly vscode.CodeAction[]) => boolean, resolveCount?: number): Promise<vscode.CodeAction[]> {
  const ask = async (): Promise<vscode.CodeAction[]> => {
    try {
      return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind.value, resolveCount)) ?? [];
    } catch (error) {
      if (error instanceof Error && error.name === 'Canceled') return [];
      throw error;
    }
  };
  let actions = await ask();
  for (const deadline = Date.now() + 5_000; !wanted(actions) && Date.now() < deadline; ) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    actions = await ask();
  }
  return actions;
}

/** `codeActionsUntil` for the action titled `title`. */
export async function codeActionTitled(uri: vscode.Uri, range: vscode.Range, kind: vscode.CodeActionKind, title: string, resolveCount?: number): Promise<{ readonly action: vscode.CodeAction | undefined; readonly offered: readonly string[] }> {
  const actions = await codeActionsUntil(uri, range, kind, (offered) => offered.some((action) => action.title === title), resolveCount);
  return { action: actions.find((action) => action.title === title), offered: actions.map((action) => action.title) };
}
