// Writes l10n/bundle.l10n.json: every string the fronts translate, each its own English key, as
// `@vscode/l10n-dev export` would, without its dependencies. Read from the source by the TypeScript parser:
//   vscode.l10n.t('…') / l10n.t('…')  in the extension and the language server,
//   msg('…') / translatable('…')       in the core and the CLI (src/core/l10n/message.ts says how a message is added).
// The first argument must be a string literal, or the string could not be found here: the script fails.
//   node scripts/l10nExport.mjs          write the bundle
//   node scripts/l10nExport.mjs --check  exit 1 if the bundle is not what the source says
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
export const bundlePath = join(root, 'l10n', 'bundle.l10n.json');
const marked = new Set(['msg', 'translatable']);

function* sourceFiles(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) yield path;
  }
}

function isTranslateCall(callee) {
  if (ts.isIdentifier(callee)) return marked.has(callee.text);
  // `vscode.l10n.t(…)`, `l10n.t(…)`
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 't' && /(^|\.)l10n$/.test(callee.expression.getText());
}

/** The English strings of the source, and the calls whose string is not a literal. */
export function extractMessages(folder = join(root, 'src')) {
  const keys = new Set();
  const problems = [];
  for (const file of sourceFiles(folder)) {
    const text = readFileSync(file, 'utf8');
    if (!/\bmsg\(|\btranslatable\(|l10n\.t\(/.test(text)) continue;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node) => {
      if (ts.isCallExpression(node) && isTranslateCall(node.expression)) {
        const first = node.arguments[0];
        if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) keys.add(first.text);
        else {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart());
          problems.push(`${relative(root, file)}:${line + 1}: ${node.expression.getText()}(…) needs a string literal first`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { keys: [...keys].sort(), problems };
}

export function bundleText(keys) {
  return `${JSON.stringify(Object.fromEntries(keys.map((key) => [key, key])), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { keys, problems } = extractMessages();
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  const expected = bundleText(keys);
  if (process.argv.includes('--check')) {
    let actual = '';
    try {
      actual = readFileSync(bundlePath, 'utf8');
    } catch {}
    if (actual !== expected) {
      console.error('l10n/bundle.l10n.json is out of date: run npm run l10n:export');
      process.exit(1);
    }
  } else {
    writeFileSync(bundlePath, expected);
    console.log(`l10n/bundle.l10n.json: ${keys.length} strings`);
  }
}
