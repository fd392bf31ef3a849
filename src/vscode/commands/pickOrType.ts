import * as vscode from 'vscode';

/** A quick pick over `items` that also accepts a value the writer types, offered as the first item. */
export function pickOrType(items: readonly vscode.QuickPickItem[], placeholder: string, newLabel: (value: string) => string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const quickPick = vscode.window.createQuickPick();
    quickPick.placeholder = placeholder;
    quickPick.items = items;
    const known = new Set(items.map((item) => item.label));
    quickPick.onDidChangeValue((value) => {
      const typed = value.trim();
      quickPick.items = typed && !known.has(typed) ? [{ label: typed, description: newLabel(typed), alwaysShow: true }, ...items] : items;
    });
    let accepted = false;
    quickPick.onDidAccept(() => {
      accepted = true;
      resolve(quickPick.selectedItems[0]?.label ?? (quickPick.value.trim() || undefined));
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      if (!accepted) resolve(undefined);
      quickPick.dispose();
    });
    quickPick.show();
  });
}
