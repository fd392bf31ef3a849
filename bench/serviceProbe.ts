// Child process for editorPaths.ts: measures one long-lived service on a site, prints JSON.
//   node --expose-gc --import tsx bench/serviceProbe.ts <site root> <posts> <runs>
import { measureEditorPaths } from './editorPaths';

const [root, posts, runs] = process.argv.slice(2);
if (!root || !posts || !runs) throw new Error('usage: serviceProbe.ts <site root> <posts> <runs>');
measureEditorPaths({ root, posts: Number(posts), faults: [] }, Number(runs)).then(
  (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
