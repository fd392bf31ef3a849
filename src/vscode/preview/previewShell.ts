export interface PreviewShellOptions {
  /** `webview.cspSource`: where the webview may load its own files from. */
  readonly cspSource: string;
  /** Fresh for every shell: only the preview's own script may run. */
  readonly nonce: string;
  readonly scriptUri: string;
  /** preview.css first, then the site's stylesheet when set. */
  readonly styleUris: readonly string[];
  readonly allowRemoteImages: boolean;
  readonly language: string;
}

/**
 * The page the webview loads once; content arrives later by message. The CSP allows images from the
 * webview's resources and data: (https too when remote images are allowed), styles from files only,
 * and the one script carrying the nonce. Nothing else loads, and no inline script or style runs.
 */
export function previewShellHtml(options: PreviewShellOptions): string {
  const csp = [
    `default-src 'none'`,
    `img-src ${options.cspSource} data:${options.allowRemoteImages ? ' https:' : ''}`,
    `style-src ${options.cspSource}`,
    `script-src 'nonce-${options.nonce}'`,
  ].join('; ');
  const styles = options.styleUris.map((uri) => `<link rel="stylesheet" href="${escapeAttribute(uri)}">`).join('\n    ');
  return `<!DOCTYPE html>
<html lang="${escapeAttribute(options.language)}">
  <head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    ${styles}
  </head>
  <body>
    <main id="postcraft-preview" class="pc-preview"></main>
    <script nonce="${escapeAttribute(options.nonce)}" src="${escapeAttribute(options.scriptUri)}"></script>
  </body>
</html>`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
