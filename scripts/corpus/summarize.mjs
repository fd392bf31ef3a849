// Groups one run's findings (.corpus/.results/<label>/*.json) by site, code and message shape, with a few examples
// each: the starting point of triage. node scripts/corpus/summarize.mjs [current|baseline] [site filter]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusFolder } from './prepare.mjs';

const [label = 'current', filter = ''] = process.argv.slice(2);
const folder = join(corpusFolder, '.results', label);
for (const name of readdirSync(folder).filter((file) => file.endsWith('.json') && !file.endsWith('.tag-recall.json') && file.includes(filter)).sort()) {
  const { findings } = JSON.parse(readFileSync(join(folder, name), 'utf8'));
  const groups = new Map();
  for (const finding of findings) {
    // Quoted values and numbers vary within one class; the rest of the message names the cause.
    const shape = `${finding.code}/${finding.severity}: ${finding.message.replace(/"[^"]*"|'[^']*'|“[^”]*”|`[^`]*`/g, '…').replace(/\d+/g, 'N')}`;
    if (!groups.has(shape)) groups.set(shape, []);
    groups.get(shape).push(finding);
  }
  console.log(`\n## ${name.replace(/\.json$/, '')} (${findings.length} findings)`);
  for (const [shape, members] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`${String(members.length).padStart(5)}  ${shape}`);
    for (const example of members.slice(0, 3)) console.log(`         ${example.file}:${example.line}  ${example.message.slice(0, 140)}`);
  }
}
