// postcraft-language-server: Postcraft's checks, completion, hover, links and quick fixes for any
// editor that speaks the Language Server Protocol. `--stdio` (the default), `--node-ipc` or `--socket=N`.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { serverVersion, startServer } from './server';

const usage = `Usage: postcraft-language-server --stdio

Postcraft's language server: diagnostics, completion, hover, document links, go to definition and
quick fixes for blog posts of Hugo, Jekyll, Docusaurus, Astro and Eleventy sites.

Options:
  --stdio       talk to the client over standard input and output (what editors use)
  --version     print the version
  --help        print this help`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(`${usage}\n`);
} else if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${serverVersion}\n`);
} else if (!args.some((arg) => arg === '--stdio' || arg === '--node-ipc' || arg.startsWith('--socket') || arg.startsWith('--pipe'))) {
  process.stderr.write(`postcraft-language-server: say how to talk to the client, e.g. --stdio\n\n${usage}\n`);
  process.exitCode = 2;
} else {
  const connection = createConnection(ProposedFeatures.all);
  startServer(connection);
  connection.listen();
}
