import * as vscode from 'vscode';
import type { Logger } from '../core/index';

/** The core's logger, written to the "Postcraft" output channel. */
export function createOutputLogger(channel: vscode.LogOutputChannel): Logger {
  return {
    info: (message) => channel.info(message),
    warn: (message) => channel.warn(message),
    error: (message, error) => channel.error(error instanceof Error ? `${message}: ${error.stack ?? error.message}` : message),
  };
}
