import type * as vscode from 'vscode';
import type { Command } from './commandManager';

export class ShowLogCommand implements Command {
  readonly id = 'postcraft.showLog';
  constructor(private readonly channel: vscode.OutputChannel) {}
  execute(): void {
    this.channel.show();
  }
}
