// `npm start [-- <folder>] [-- --host oldest|newest] [-- --port N]`: installs what is missing, builds,
// and serves a real VS Code (code-server) on 127.0.0.1 with Postcraft loaded on the sample site.
import { cpSync, existsSync, rmSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { build, ensureDependencies } from './ensureDependencies.mjs';
import { workbenchUrl } from './host/browser.mjs';
import { cacheDir, ensureHost, projectRoot } from './host/install.mjs';
import { startServer } from './host/server.mjs';

const sampleSite = join(projectRoot, 'test', 'fixtures', 'sites', 'hugo-blog');

export function parseStartArguments(argv) {
  const options = { folder: undefined, host: 'newest', port: Number(process.env.POSTCRAFT_PORT ?? 8080) };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--host') options.host = argv[++i];
    else if (argv[i] === '--port') options.port = Number(argv[++i]);
    else options.folder = resolve(argv[i]);
  }
  return options;
}

const options = parseStartArguments(process.argv.slice(2));
if (!options.folder) {
  // A fresh copy of the sample site, so trying things out never edits the test fixtures.
  options.folder = join(cacheDir, 'sample-site');
  rmSync(options.folder, { recursive: true, force: true });
  cpSync(sampleSite, options.folder, { recursive: true });
}
if (!existsSync(options.folder)) {
  console.error(`No such folder: ${options.folder}`);
  process.exit(2);
}
ensureDependencies();
build();
const host = ensureHost(options.host);
const server = await startServer(host, { port: options.port });
const url = workbenchUrl(server, options.folder, { extensionDevelopmentPath: projectRoot });
console.log(`\nPostcraft is running in VS Code ${host.vscode} (code-server ${host.codeServer}).`);
console.log(`Folder: ${options.folder}`);
console.log(`Open this URL in a browser:\n\n  ${url}\n`);
console.log('Press Ctrl+C to stop.');

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping VS Code…');
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
