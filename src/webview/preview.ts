// The preview webview's program: shows what the host renders, keeps the editor and the preview
// scrolled together (by source line), and reports double-clicks. It never builds HTML itself.
import type { HostToPreviewMessage, PreviewState } from '../shared/previewMessages';
import { ContentUpdater } from './contentUpdater';
import { formatDates } from './dates';
import { SourceLineMap } from './sourceLineMap';
import { host } from './vscodeApi';

const root = document.getElementById('postcraft-preview') ?? document.body;
let locale = navigator.language;
let state: PreviewState | undefined = host.getState();
let restoredLine = state?.line;
const lines = new SourceLineMap(root);
const content = new ContentUpdater(root, (within) => formatDates(within, locale));

/** Scroll events caused by the host or by new content must not echo back as the writer's scrolling. */
let ignoreScrollUntil = 0;
const quietScrolls = () => (ignoreScrollUntil = performance.now() + 150);

let pendingLine: number | undefined;

function scrollToLine(line: number): void {
  quietScrolls();
  window.scrollTo(0, lines.offsetOfLine(line));
}

function saveState(next: PreviewState): void {
  state = next;
  host.setState(next);
}

window.addEventListener('message', (event: MessageEvent<HostToPreviewMessage>) => {
  const message = event.data;
  switch (message.type) {
    case 'render': {
      locale = message.locale;
      quietScrolls();
      content.update(message.html);
      lines.invalidate();
      const line = message.scrollToLine ?? (state?.source === message.source ? restoredLine : undefined);
      restoredLine = undefined;
      if (line !== undefined) scrollToLine(line);
      saveState({ source: message.source, locked: message.locked, ...(state?.source === message.source && state.line !== undefined ? { line: state.line } : {}) });
      host.postMessage({ type: 'didRender', version: message.version, title: root.querySelector('.pc-title')?.textContent ?? undefined, facts: root.querySelector('.pc-seo')?.textContent ?? undefined });
      return;
    }
    case 'notice': {
      const notice = document.createElement('p');
      notice.className = 'pc-notice';
      notice.textContent = message.text;
      content.replaceAll(notice);
      lines.invalidate();
      saveState({ source: message.source, locked: message.locked });
      host.postMessage({ type: 'didRender', version: message.version, title: undefined });
      return;
    }
    case 'scrollToLine':
      // The editor reports every step of its scrolling: follow at most once a frame.
      if (pendingLine === undefined) {
        requestAnimationFrame(() => {
          if (pendingLine !== undefined) scrollToLine(pendingLine);
          pendingLine = undefined;
        });
      }
      pendingLine = message.line;
      return;
  }
});

let scrollFrame = 0;
window.addEventListener(
  'scroll',
  () => {
    if (performance.now() < ignoreScrollUntil || scrollFrame) return;
    scrollFrame = requestAnimationFrame(() => {
      scrollFrame = 0;
      const line = lines.lineAtOffset(window.scrollY);
      host.postMessage({ type: 'didScroll', line });
      if (state) saveState({ ...state, line });
    });
  },
  { passive: true },
);

document.addEventListener('dblclick', (event) => {
  host.postMessage({ type: 'revealLine', line: Math.floor(lines.lineAtOffset(event.pageY)) });
});

// Opening a <details> moves everything below it.
root.addEventListener('toggle', () => lines.invalidate(), true);

host.postMessage({ type: 'ready' });
