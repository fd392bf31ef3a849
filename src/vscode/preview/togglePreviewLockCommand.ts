import type { Command } from '../commands/commandManager';
import type { PreviewManager } from './previewManager';

/** Keeps the preview on its current post, or lets it follow the active editor again. */
export class TogglePreviewLockCommand implements Command {
  readonly id = 'postcraft.togglePreviewLock';

  /** `manager` makes the preview's manager on first use (it loads with the preview's chunk). */
  constructor(private readonly manager: () => PreviewManager) {}

  execute(): void {
    this.manager().toggleLock();
  }
}
