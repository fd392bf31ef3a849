import * as vscode from 'vscode';
import { localize, type Finding, type Fix, type Translate } from '../core/index';

// The core's English templates are keys of l10n/bundle.l10n.json like the extension's own strings, so VS Code
// translates them from the same bundle. (`translateKey`, not `vscode.l10n.t(template)`: the export script
// reads only literal keys, and these are the core's, exported from `msg(…)` calls.)
const translateKey = vscode.l10n.t;
export const translate: Translate = (template, args) => translateKey(template, ...args);

export function findingMessage(finding: Pick<Finding, 'message' | 'l10n'>): string {
  return localize(finding.message, finding.l10n, translate);
}

export function fixTitle(fix: Fix): string {
  return localize(fix.title, fix.l10n, translate);
}

export function postCount(count: number): string {
  return count === 1 ? vscode.l10n.t('1 post') : vscode.l10n.t('{0} posts', count);
}
