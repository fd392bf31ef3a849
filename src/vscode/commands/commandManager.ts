import * as vscode from 'vscode';
import type { Logger } from '../../core/index';

export interface Command {
  readonly id: `postcraft.${string}`;
  execute(...args: unknown[]): unknown;
}

/** Registers commands, and turns an exception in any of them into a logged, visible message. */
export class CommandManager implements vscode.Disposable {
  private readonly registrations: vscode.Disposable[] = [];

  constructor(private readonly logger: Logger) {}

  register(command: Command): void {
    this.registrations.push(
      vscode.commands.registerCommand(command.id, async (...args: unknown[]) => {
        try {
          return await command.execute(...args);
        } catch (error) {
          this.logger.error(`Command ${command.id} failed`, error);
          void vscode.window.showErrorMessage(vscode.l10n.t('Postcraft: {0}', error instanceof Error ? error.message : String(error)));
          return undefined;
        }
      }),
    );
  }

  dispose(): void {
    for (const registration of this.registrations) registration.dispose();
  }
}
