import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { formatMessage, msg } from '../../src/core/l10n/message';
import { bundleFor } from '../../src/node/l10n';
import { createPostcraftService, noCancellation } from '../../src/core/index';
import { inMemorySite } from '../../src/core/host/inMemoryFileSystem';
import { renderPreview } from '../../src/core/render/index';
import { fixturesRoot } from './support/fixtureSites';
import { parseArguments, usage } from '../../src/cli/args';
import { formatText } from '../../src/cli/format/text';
import { formatFixSummary } from '../../src/cli/format/fixes';
import { copyFixtures, fileUri, TestClient } from './server/lspClient';

const projectRoot = resolve(__dirname, '../..');
const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(join(projectRoot, path), 'utf8'));
const placeholders = (text: string) => [...text.matchAll(/{(\d+)}/g)].map((match) => match[1]).sort().join(',');

/** Every key of `english` in `translated` and back, each translation a non-empty string with the same `{n}` placeholders. */
function assertSameKeys(englishPath: string, translatedPath: string): void {
  const english = readJson(englishPath);
  const translated = readJson(translatedPath);
  assert.deepEqual(Object.keys(english).filter((key) => !(key in translated)), [], `missing from ${translatedPath}`);
  assert.deepEqual(Object.keys(translated).filter((key) => !(key in english)), [], `in ${translatedPath} but not in ${englishPath}`);
  for (const [key, value] of Object.entries(translated)) {
    const text = typeof value === 'string' ? value : (value as { message: string }).message;
    const source = english[key];
    const sourceText = typeof source === 'string' ? source : (source as { message: string }).message;
    assert.ok(text.trim(), `${translatedPath}: "${key}" is empty`);
    assert.equal(placeholders(text), placeholders(sourceText), `${translatedPath}: "${key}" has other placeholders`);
  }
}

const temporaryFolders: string[] = [];
after(() => {
  for (const folder of temporaryFolders) rmSync(folder, { recursive: true, force: true });
});

describe('localization', () => {
  it('l10n/bundle.l10n.json holds exactly the strings of the source (npm run l10n:export), every one a literal', () => {
    const result = spawnSync(process.execPath, [join(projectRoot, 'scripts/l10nExport.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
  });

  it('the export refuses a translated call whose string is not a literal, which it could not list', () => {
    const folder = mkdtempSync(join(tmpdir(), 'postcraft-l10n-'));
    temporaryFolders.push(folder);
    writeFileSync(join(folder, 'a.ts'), "import * as vscode from 'vscode';\nconst name = 'x';\nvscode.l10n.t(`Hello ${name}`);\nmsg('Tag \"{0}\"', name);\n");
    const script = `import { extractMessages } from ${JSON.stringify(join(projectRoot, 'scripts/l10nExport.mjs'))}; console.log(JSON.stringify(extractMessages(${JSON.stringify(folder)})));`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    const { keys, problems } = JSON.parse(result.stdout) as { keys: string[]; problems: string[] };
    assert.deepEqual(keys, ['Tag "{0}"']);
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /a\.ts:3: vscode\.l10n\.t\(…\) needs a string literal/);
  });

  it('the Spanish bundle translates every string, with the same placeholders', () => {
    assertSameKeys('l10n/bundle.l10n.json', 'l10n/bundle.l10n.es.json');
  });

  it('the manifest strings (package.nls.json) are translated alike, when the manifest is localized', () => {
    const english = existsSync(join(projectRoot, 'package.nls.json'));
    const spanish = existsSync(join(projectRoot, 'package.nls.es.json'));
    assert.equal(spanish, english, 'package.nls.json and package.nls.es.json go together');
    if (!english) return;
    assertSameKeys('package.nls.json', 'package.nls.es.json');
    const nls = readJson('package.nls.json');
    const used = [...readFileSync(join(projectRoot, 'package.json'), 'utf8').matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]!);
    assert.deepEqual(used.filter((key) => !(key in nls)), [], 'package.json names keys package.nls.json lacks');
  });

  it('formats a message with its nested messages translated, arguments where the translation puts them', () => {
    const spanish = bundleFor('es_ES.UTF-8')!;
    const message = msg('Tag "{0}" ({1}) looks like a misspelling of "{2}" ({3}).', 'kubernets', msg('{0} post', 1), 'kubernetes', msg('{0} posts', 12));
    assert.equal(formatMessage(message), 'Tag "kubernets" (1 post) looks like a misspelling of "kubernetes" (12 posts).');
    const translate = (template: string, args: readonly (string | number)[]) => (spanish[template] ?? template).replace(/{(\d+)}/g, (match, index: string) => String(args[Number(index)] ?? match));
    assert.equal(formatMessage(message, translate), 'La etiqueta "kubernets" (1 entrada) parece una errata de "kubernetes" (12 entradas).');
  });

  it('finds the bundle for BCP 47 and POSIX locales, and none for a language without one', () => {
    assert.ok(bundleFor('es'));
    assert.ok(bundleFor('es-MX'));
    assert.ok(bundleFor('es_AR.UTF-8'));
    assert.equal(bundleFor('en-US'), undefined);
    assert.equal(bundleFor('de'), undefined);
    assert.equal(bundleFor(undefined), undefined);
  });

  it('every finding of the fixture sites carries its template, and the template gives back its English message', async () => {
    const service = createPostcraftService({ fs: (await import('../../src/node/index')).blockingNodeFileSystem, checksAfterOpening: () => true });
    const roots = ['hugo-blog', 'jekyll-blog', 'docusaurus-blog', 'yaml-generator-leniency'].map((name) => join(fixturesRoot, name));
    await service.openWorkspace(roots);
    let count = 0;
    for (const site of service.siteSummaries()) {
      for (const finding of (await service.checkSiteAt(site.root, {}, noCancellation)).findings) {
        count++;
        assert.ok(finding.l10n, `${finding.code} "${finding.message}" has no template`);
        assert.equal(formatMessage(finding.l10n), finding.message);
        for (const fix of finding.fixes) assert.equal(fix.l10n && formatMessage(fix.l10n), fix.title);
      }
    }
    assert.ok(count > 10);
  });
});

describe('fronts in Spanish', () => {
  it('the preview writes its placeholders and badges in the language it is given', async () => {
    const spanish = bundleFor('es')!;
    const translate = (template: string, args: readonly (string | number)[]) => (spanish[template] ?? template).replace(/{(\d+)}/g, (match, index: string) => String(args[Number(index)] ?? match));
    const service = createPostcraftService({ fs: inMemorySite({ 'hugo.toml': 'title = "x"\n', 'content/posts/a.md': '' }) });
    await service.openWorkspace(['/site']);
    const text = '---\ntitle: A\ndraft: true\n---\n![x](/missing.png)\n\n{{< youtube id >}}\n';
    const render = (options: { translate?: typeof translate }) => renderPreview(service, '/site/content/posts/a.md', text, { toResourceUri: (path) => path, ...options })!.html;
    const es = render({ translate });
    assert.match(es, /Borrador/);
    assert.match(es, /Imagen no encontrada: \/missing\.png/);
    assert.match(es, /Shortcode de Hugo/);
    const en = render({});
    assert.match(en, /Draft/);
    assert.match(en, /Image not found: \/missing\.png/);
  });

  it('the SEO facts of the hover and the preview card speak the language they are given', async () => {
    const spanish = bundleFor('es')!;
    const translate = (template: string, args: readonly (string | number)[]) => (spanish[template] ?? template).replace(/{(\d+)}/g, (match, index: string) => String(args[Number(index)] ?? match));
    const files = { 'hugo.toml': 'title = "x"\n', 'content/posts/a.md': '' };
    const text = '---\ntitle: Hola\n---\n# Otra vez\n\nUna palabra.\n\n### Hondo\n';
    const spanishService = createPostcraftService({ fs: inMemorySite(files), translate });
    await spanishService.openWorkspace(['/site']);
    const hover = spanishService.hover('/site/content/posts/a.md', text, text.indexOf('title'))!.markdown;
    assert.match(hover, /^- Título: 4 caracteres \(los resultados de búsqueda muestran unos 60\)$/m);
    assert.match(hover, /^- Descripción: falta$/m);
    assert.match(hover, /^- Slug: 1 carácter \(los resultados de búsqueda muestran unos 75\) `a`$/m);
    assert.match(hover, /^- 5 palabras · 1 min de lectura$/m);
    assert.match(hover, /^- Línea 8: H1 → H3 se salta un nivel$/m);
    const card = renderPreview(spanishService, '/site/content/posts/a.md', text, { toResourceUri: (path) => path, translate })!.html;
    assert.match(card, /<li class="pc-seo-note">Línea 4: Un H1 en el cuerpo: la plantilla ya muestra el título como H1<\/li>/);
    const english = createPostcraftService({ fs: inMemorySite(files) });
    await english.openWorkspace(['/site']);
    assert.match(english.hover('/site/content/posts/a.md', text, text.indexOf('title'))!.markdown, /^- Title: 4 characters \(search results show about 60\)$/m);
  });

  it('a problem of postcraft.config.json is told in Spanish, and in English where no language is given', async () => {
    const spanish = bundleFor('es')!;
    const translate = (template: string, args: readonly (string | number)[]) => (spanish[template] ?? template).replace(/{(\d+)}/g, (match, index: string) => String(args[Number(index)] ?? match));
    const service = createPostcraftService({ fs: inMemorySite({ 'hugo.toml': 'title = "x"\n', 'postcraft.config.json': '{ "seo": { "titleLength": 1.5 }, "bogus": 1 }' }) });
    await service.openWorkspace(['/site']);
    const [problem] = service.siteSummaries()[0]!.configProblems;
    assert.equal(formatMessage(problem!), 'postcraft.config.json: seo.titleLength: expected a whole number; (root): unknown key "bogus"');
    assert.equal(formatMessage(problem!, translate), 'postcraft.config.json: seo.titleLength: se esperaba un número entero; (root): clave desconocida "bogus"');
  });

  it('the CLI prints findings in the language of LANG', () => {
    const run = (env: NodeJS.ProcessEnv) =>
      spawnSync(process.execPath, ['--import', 'tsx', join(projectRoot, 'src/cli/main.ts'), 'check', join(fixturesRoot, 'hugo-blog')], { encoding: 'utf8', cwd: projectRoot, env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', ...env } });
    const spanish = run({ LANG: 'es_ES.UTF-8' }).stdout;
    assert.match(spanish, /La etiqueta "[^"]+" \(1 entrada\) parece una errata de "[^"]+"/);
    assert.match(spanish, /Imagen no encontrada: /);
    assert.match(spanish.trim().split('\n').at(-1)!, /^✗ \d+ errores, \d+ advertencias? en Hugo \(\d+ entradas\)$/);
    assert.match(spanish, /^content\/\S+:\d+:\d+  advertencia  La etiqueta /m);
    const english = run({ LANG: 'en_US.UTF-8' }).stdout;
    assert.match(english, /looks like a misspelling of/);
    assert.doesNotMatch(english, /errata/);
    assert.match(english.trim().split('\n').at(-1)!, /^✗ \d+ errors, \d+ warnings? in Hugo \(\d+ posts\)$/);
  });

  it('the CLI gives its usage and its argument errors in the language of LC_ALL, LC_MESSAGES or LANG', () => {
    const run = (args: string[], env: NodeJS.ProcessEnv) =>
      spawnSync(process.execPath, ['--import', 'tsx', join(projectRoot, 'src/cli/main.ts'), ...args], { encoding: 'utf8', cwd: projectRoot, env: { ...process.env, LANG: '', LC_ALL: '', LC_MESSAGES: '', ...env } });
    const help = run(['--help'], { LC_ALL: 'es_MX.UTF-8', LANG: 'en_US.UTF-8' });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Uso: postcraft check \[carpeta\] \[opciones\]\n/);
    assert.match(help.stdout, /^ {2}--max-warnings N {18}Falla si hay más de N advertencias$/m);
    const typo = run(['check', '--formt', 'json'], { LC_MESSAGES: 'es_ES.UTF-8' });
    assert.equal(typo.status, 2);
    assert.equal(typo.stderr, 'postcraft: Opción desconocida --formt. ¿Quisiste decir --format?\nEjecuta postcraft --help para ver cómo se usa.\n');
    const missing = run(['check', 'no-such-folder/'], { LANG: 'es_ES.UTF-8' });
    assert.equal(missing.stderr, 'postcraft: no-such-folder/ no es una carpeta\n');
    // C and POSIX mean no translation, as for any POSIX program.
    assert.match(run(['--help'], { LC_ALL: 'C', LANG: 'es_ES.UTF-8' }).stdout, /^Usage: postcraft check \[folder\] \[options\]\n/);
  });

  it("the CLI's usage, argument errors, summary and --fix report in Spanish, every plural form", () => {
    const spanish = bundleFor('es')!;
    const translate = (template: string, args: readonly (string | number)[]) => (spanish[template] ?? template).replace(/{(\d+)}/g, (match, index: string) => String(args[Number(index)] ?? match));
    const help = usage(translate).split('\n');
    assert.equal(help[0], 'Uso: postcraft check [carpeta] [opciones]');
    assert.ok(help.includes('Opciones:'));
    // Option names stay as typed; a description broken over lines goes on under its first line.
    const jobs = help.findIndex((line) => line.startsWith('  --jobs N '));
    assert.match(help[jobs]!, /^ {2}--jobs N {26}Hilos que leen/);
    assert.match(help[jobs + 1]!, /^ {36}\S/);
    assert.ok(help.slice(0, -1).every((line) => line.length <= 120), 'no line runs far past the English ones (but the list of checks)');
    assert.match(help.at(-1)!, /^Comprobaciones: broken-image, /);
    assert.deepEqual(parseArguments(['chekc'], translate), { command: 'usage-error', message: 'Comando desconocido chekc. ¿Quisiste decir check?' });
    assert.deepEqual(parseArguments(['blog'], translate), { command: 'usage-error', message: 'Comando desconocido blog. Para comprobar una carpeta: postcraft check blog' });
    assert.deepEqual(parseArguments(['--format', 'sarf'], translate), { command: 'usage-error', message: '--format debe ser text, json, sarif, github (se recibió sarf). ¿Quisiste decir sarif?' });
    assert.deepEqual(parseArguments(['--jobs', '0'], translate), { command: 'usage-error', message: '--jobs admite un número entero igual o mayor que 1' });
    assert.deepEqual(parseArguments(['--format'], translate), { command: 'usage-error', message: "Falta el argumento de la opción '--format <value>'" });
    assert.deepEqual(parseArguments(['--fix=1'], translate), { command: 'usage-error', message: "La opción '--fix' no admite argumento" });

    const report = (errors: number, warnings: number, posts: number) => ({ root: '/s', sites: [{ root: '/s', generator: 'Hugo', posts, problems: [] }], findings: [], errors, warnings, exitCode: errors ? 1 : 0 }) as const;
    assert.equal(formatText(report(1, 1, 1), false, translate), '✗ 1 error, 1 advertencia en Hugo (1 entrada)\n');
    assert.equal(formatText(report(5, 0, 10030), false, translate), '✗ 5 errores, 0 advertencias en Hugo (10030 entradas)\n');
    assert.equal(formatText(report(5, 0, 10030), false), '✗ 5 errors, 0 warnings in Hugo (10030 posts)\n');
    assert.equal(formatText(report(0, 1, 1), false), '✓ 0 errors, 1 warning in Hugo (1 post)\n');

    const applied = (n: number) => Array.from({ length: n }, () => ({ code: 'tag-typo' }) as never);
    const fix = (file: string, n: number) => ({ file, original: new Uint8Array(), before: '', after: '', bytes: new Uint8Array(), applied: applied(n) });
    const plan = { files: [fix('/s/a.md', 1), fix('/s/b.md', 2)], refused: [{ file: '/s/c.md', reason: msg('the file is UTF-16, which fixes do not rewrite') }] };
    assert.equal(
      formatFixSummary('/s', plan, new Set(['/s/a.md']), false, 1, translate),
      'Corregido a.md: 1 problema (tag-typo)\nSin corregir c.md: el archivo está en UTF-16, y las correcciones no lo reescriben\nSe corrigió 1 problema en 1 archivo; queda 1 problema.\n',
    );
    assert.equal(formatFixSummary('/s', { files: plan.files, refused: [] }, new Set(), true, 4, translate).split('\n').at(-2), 'Se corregirían 3 problemas en 2 archivos; quedan 4 problemas.');
    assert.equal(formatFixSummary('/s', { files: plan.files, refused: [] }, new Set(), true, 4).split('\n').at(-2), 'Would fix 3 problems in 2 files; 4 findings left.');
  });

  it('the language server speaks the locale the client sends at initialize', async () => {
    const site = copyFixtures('hugo-blog');
    const client = new TestClient({});
    try {
      await client.initialize([site.roots[0]!], undefined, { locale: 'es' });
      const uri = fileUri(join(site.roots[0]!, 'content/blog/2023/2023-06-01-dok-meetup.md'));
      const [typo] = await client.diagnosticsOf(uri, (diagnostics) => diagnostics.length > 0);
      const message = typeof typo?.message === 'string' ? typo.message : typo?.message.value;
      assert.match(message ?? '', /^La etiqueta "[^"]+" \(1 entrada\) parece una errata de/);
      const hover = await client.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: await client.open(join(site.roots[0]!, 'content/blog/2023/2023-06-01-dok-meetup.md')) }, position: { line: 4, character: 9 } });
      assert.match(hover?.contents.value ?? '', /\*\*Etiqueta `dok`\*\*: usada en \d+ entradas?/);
    } finally {
      client.kill();
      site.dispose();
    }
  });
});
