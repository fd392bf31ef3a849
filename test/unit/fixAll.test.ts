// Fix all: which fixes are safe, how passes compose into minimal edits, the date fix that never guesses,
// and the files `--fix` refuses to rewrite.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createPostcraftService, formatMessage, rewritableText, type Finding, type Fix } from '../../src/core/index';
import { inMemorySite } from '../../src/core/host/inMemoryFileSystem';
import { applyOffsetEdits, composeEdits, fixAll, maxFixPasses, safeFixes } from '../../src/core/features/fixAll';
import type { OffsetEdit } from '../../src/core/features/frontmatterEdits';
import { dateReadings } from '../../src/core/schema/dates';
import { LineIndex } from '../../src/core/text/lineIndex';

const file = '/site/content/posts/a.md';
const at = (line: number, character: number) => ({ line, character });
const edit = (fromLine: number, from: number, toLine: number, to: number, newText = 'x', path = file) => ({ file: path, range: { start: at(fromLine, from), end: at(toLine, to) }, newText });
const finding = (fixes: Fix[], path = file): Finding => ({ file: path, range: { start: at(0, 0), end: at(0, 1) }, severity: 'warning', code: 'schema', message: 'm', fixes });

describe('safe fixes', () => {
  it('takes the one preferred fix of a finding, in its own post, creating no file, not overlapping one taken', () => {
    const one: Fix = { title: 'one', edits: [edit(1, 0, 1, 3)], isPreferred: true };
    const findings = [
      finding([one, { title: 'other', edits: [edit(1, 0, 1, 3)] }]),
      finding([{ title: 'two preferred', edits: [edit(2, 0, 2, 1)], isPreferred: true }, { title: 'b', edits: [edit(2, 0, 2, 1)], isPreferred: true }]),
      finding([{ title: 'none preferred', edits: [edit(3, 0, 3, 1)] }]),
      finding([{ title: 'creates', edits: [edit(4, 0, 4, 1)], createFile: { path: '/site/x.md', content: '' }, isPreferred: true }]),
      finding([{ title: 'elsewhere', edits: [edit(5, 0, 5, 1, 'x', '/site/other.md')], isPreferred: true }]),
      finding([{ title: 'overlaps one', edits: [edit(1, 2, 1, 5)], isPreferred: true }]),
      finding([{ title: 'inserts inside one', edits: [edit(1, 1, 1, 1)], isPreferred: true }]),
      finding([{ title: 'touches one', edits: [edit(1, 3, 1, 4)], isPreferred: true }]),
      finding([{ title: 'nothing to do', edits: [], isPreferred: true }]),
      finding([{ title: 'in another post' , edits: [edit(6, 0, 6, 1, 'x', '/site/other.md')], isPreferred: true }], '/site/other.md'),
    ];
    assert.deepEqual(safeFixes(findings, file).map(({ fix }) => fix.title), ['one', 'touches one']);
  });

  it('two insertions at one point conflict (which goes first?), an insertion at a replacement\'s start does not', () => {
    const findings = [finding([{ title: 'a', edits: [edit(0, 2, 0, 2)], isPreferred: true }]), finding([{ title: 'b', edits: [edit(0, 2, 0, 2)], isPreferred: true }]), finding([{ title: 'c', edits: [edit(0, 2, 0, 4)], isPreferred: true }])];
    assert.deepEqual(safeFixes(findings, file).map(({ fix }) => fix.title), ['a', 'c']);
  });
});

/** Non-overlapping edits of a text of `length` characters (at most one insertion at any point). */
const editsOf = (length: number) =>
  fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: length }), fc.integer({ min: 0, max: 3 }), fc.string({ maxLength: 4 })), { maxLength: 5 }).map((raw) => {
    const edits: OffsetEdit[] = [];
    for (const [start, size, newText] of raw.sort((a, b) => a[0] - b[0])) {
      const end = Math.min(length, start + size);
      const last = edits.at(-1);
      if (last && (start < last.range.end || (start === last.range.start && start === end && last.range.start === last.range.end) || start === last.range.start)) continue;
      edits.push({ range: { start, end }, newText });
    }
    return edits;
  });

describe('edits composed over passes', () => {
  it('give the last pass\'s text when applied to the original, sorted and apart, and leave the rest of it as it was', () => {
    const passes = fc.string({ maxLength: 30 }).chain((original) =>
      fc.integer({ min: 1, max: 4 }).chain((count) => {
        // Each pass's edits are drawn for the text the passes before made.
        let arbitrary: fc.Arbitrary<{ texts: string[]; passes: OffsetEdit[][] }> = fc.constant({ texts: [original], passes: [] });
        for (let i = 0; i < count; i++) {
          arbitrary = arbitrary.chain(({ texts, passes }) => editsOf(texts.at(-1)!.length).map((pass) => ({ texts: [...texts, applyOffsetEdits(texts.at(-1)!, pass)], passes: [...passes, pass] })));
        }
        return arbitrary;
      }),
    );
    fc.assert(
      fc.property(passes, ({ texts, passes }) => {
        const original = texts[0]!;
        let composed: OffsetEdit[] = [];
        for (const pass of passes) composed = composeEdits(original, composed, pass);
        assert.equal(applyOffsetEdits(original, composed), texts.at(-1));
        for (let i = 1; i < composed.length; i++) assert.ok(composed[i - 1]!.range.end <= composed[i]!.range.start, JSON.stringify(composed));
        // One pass: the composed edits cover only that pass's own ranges (touching ones merged), nothing wider.
        if (passes.length === 1) {
          const covered = (offset: number) => passes[0]!.some((pass) => pass.range.start <= offset && offset <= pass.range.end);
          for (const each of composed) for (let offset = each.range.start; offset <= each.range.end; offset++) assert.ok(covered(offset), JSON.stringify({ composed, pass: passes[0] }));
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('fixAll', () => {
  it('stops after maxFixPasses when every pass brings a new fix', () => {
    let checks = 0;
    const result = fixAll(file, 'abc', (text) => {
      checks++;
      return [finding([{ title: 'grow', edits: [edit(0, text.length, 0, text.length, '!')], isPreferred: true }])];
    });
    assert.equal(result.passes, maxFixPasses);
    assert.equal(result.text, `abc${'!'.repeat(maxFixPasses)}`);
    assert.equal(checks, maxFixPasses + 1);
    assert.deepEqual(result.edits, [{ range: { start: 3, end: 3 }, newText: '!'.repeat(maxFixPasses) }]);
  });

  it('on a post: fixes what is safe in as many passes as it takes, and reports what it applied and what is left', async () => {
    const service = createPostcraftService({ fs: inMemorySite(siteFiles()) });
    await service.openWorkspace(['/site']);
    const text = '---\ntitle: A\ndate: 2024-3-4\ntags: [kuberentes]\nlastmod: 03/04/2024\n---\nBody ![x](images/Hero.png) stays.\n';
    const result = service.fixText(file, text);
    assert.equal(result.text, text.replace('2024-3-4', '2024-03-04').replace('kuberentes', 'kubernetes').replace('Hero.png', 'hero.png'));
    assert.deepEqual(result.applied.map((applied) => applied.code).sort(), ['image-case', 'schema', 'tag-typo']);
    assert.equal(result.passes, 1);
    assert.deepEqual(result.remaining.map((left) => `${left.code}@${left.range.start.line}`), ['schema@4']);
    assert.equal(applyOffsetEdits(text, result.edits), result.text);
    assert.equal(result.edits.length, 3);
    // Nothing left to fix: the text stays as it is.
    assert.deepEqual(service.fixText(file, result.text).edits, []);
  });
});

function siteFiles(): Record<string, string | Uint8Array> {
  const files: Record<string, string | Uint8Array> = { 'hugo.toml': 'baseURL = "https://example.org/"\n', 'assets/images/hero.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47]) };
  for (let i = 0; i < 4; i++) files[`content/posts/p${i}.md`] = `---\ntitle: P${i}\ntags: [kubernetes]\n---\n`;
  return files;
}

describe('the date fix', () => {
  it('reads an unambiguous date one way, and gives both readings of one that reads either way', () => {
    const readings = (value: string) => dateReadings(value).map(({ iso, order }) => (order ? `${iso} (${order})` : iso));
    assert.deepEqual(readings('2024-3-4'), ['2024-03-04']);
    assert.deepEqual(readings('13/04/2024'), ['2024-04-13']);
    assert.deepEqual(readings('04/13/2024'), ['2024-04-13']);
    assert.deepEqual(readings('03/04/2024'), ['2024-04-03 (day first)', '2024-03-04 (month first)']);
    assert.deepEqual(readings('5.6.2024'), ['2024-06-05 (day first)', '2024-05-06 (month first)']);
    assert.deepEqual(readings('04/04/2024'), ['2024-04-04']);
    assert.deepEqual(readings('June 5th, 2024'), ['2024-06-05']);
    assert.deepEqual(readings('5 Sept 2024'), ['2024-09-05']);
    assert.deepEqual(readings('2024-3-4 9:30'), ['2024-03-04 09:30:00']);
    for (const nothing of ['2/30/2024', '2024-13-01', 'Marching 3 2024', 'soon', '03/04/24', '2024-3-4 9:30 PM']) assert.deepEqual(readings(nothing), [], nothing);
  });

  it('marks neither reading of an ambiguous date preferred, so fix-all leaves it to the writer', async () => {
    const service = createPostcraftService({ fs: inMemorySite(siteFiles()) });
    await service.openWorkspace(['/site']);
    for (const [value, titles, preferred] of [
      ['03/04/2024', ['Change to "2024-04-03" (day first)', 'Change to "2024-03-04" (month first)'], [false, false]],
      ['5.6.2024', ['Change to "2024-06-05" (day first)', 'Change to "2024-05-06" (month first)'], [false, false]],
      ['13/04/2024', ['Change to "2024-04-13"'], [true]],
      ['2024-3-4', ['Change to "2024-03-04"'], [true]],
    ] as const) {
      const text = `---\ntitle: A\ndate: "${value}"\n---\n`;
      const schema = service.checkText(file, text).find((found) => found.code === 'schema');
      const fixes = schema?.fixes.filter((fix) => !fix.title.startsWith('Ignore')) ?? [];
      assert.deepEqual(fixes.map((fix) => fix.title), titles, value);
      assert.deepEqual(fixes.map((fix) => fix.isPreferred === true), preferred, value);
      const fixed = service.fixText(file, text).text;
      assert.equal(fixed, preferred[0] ? text.replace(value, titles[0]!.slice(11, 21)) : text, value);
    }
  });
});

describe('the text --fix may write back', () => {
  const encode = (text: string) => new TextEncoder().encode(text);
  it('keeps a UTF-8 byte-order mark and every byte it was given', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encode('---\ntitle: é\n---\n')]);
    const read = rewritableText(bytes, bytes.byteLength);
    assert.ok('text' in read);
    assert.equal(read.text, '---\ntitle: é\n---\n');
    assert.deepEqual(read.encode(read.text), bytes);
    assert.deepEqual(read.encode('x'), new Uint8Array([0xef, 0xbb, 0xbf, 0x78]));
    const plain = rewritableText(encode('a\r\nb'), undefined);
    assert.ok('text' in plain && plain.encode(plain.text).length === 4);
  });

  it('refuses a read cut short, a file over the limit, binary, invalid UTF-8 and UTF-16', () => {
    const reason = (bytes: Uint8Array, size?: number, max?: number) => {
      const read = rewritableText(bytes, size, max);
      return 'refused' in read ? formatMessage(read.refused) : 'accepted';
    };
    assert.match(reason(encode('abc'), 10), /not read whole/);
    assert.match(reason(encode('abcdef'), 6, 4), /over Postcraft/);
    assert.match(reason(new Uint8Array(100)), /binary/);
    assert.match(reason(new Uint8Array([0x61, 0xff, 0x62])), /not valid UTF-8/);
    assert.match(reason(new Uint8Array([0xff, 0xfe, 0x61, 0x00])), /UTF-16/);
  });
});

describe('unused suppressions (unused-disable)', () => {
  const text = [
    '---',
    'title: U',
    '# postcraft-disable-next-line schema',
    'date: 2024-01-02',
    '# postcraft-disable-next-line tag-typo schema',
    'tags: [kuberentes]',
    '---',
    '<!-- postcraft-disable-next-line broken-image -->',
    '![a](images/hero.png)',
    'text <!-- postcraft-disable-next-line --> more',
    '![b](images/missing.png)',
    '<!-- postcraft-disable image-case -->',
    'nothing here',
    '<!-- postcraft-enable image-case -->',
    '',
  ].join('\n');

  it('are reported only when asked, at the comment, with a fix that removes a next-line comment', async () => {
    const files = { ...siteFiles(), 'content/posts/a.md': text };
    const service = createPostcraftService({ fs: inMemorySite(files) });
    await service.openWorkspace(['/site']);
    assert.deepEqual(service.checkText(file, text).filter((found) => found.code === 'unused-disable'), []);
    const unused = service.checkText(file, text, { reportUnusedDisable: true }).filter((found) => found.code === 'unused-disable');
    const lines = new LineIndex(text);
    const rangeOf = (comment: string) => lines.rangeOf(text.indexOf(comment), text.indexOf(comment) + comment.length);
    assert.deepEqual(
      unused.map((found) => [found.range, found.message, found.fixes.map((fix) => `${fix.title}${fix.isPreferred ? ' (preferred)' : ''}`)]),
      [
        [rangeOf('# postcraft-disable-next-line schema'), 'Unused suppression: no "schema" finding here to silence.', ['Remove this unused suppression (preferred)']],
        [rangeOf('# postcraft-disable-next-line tag-typo schema'), 'Unused suppression: no "schema" finding here to silence.', []],
        [rangeOf('<!-- postcraft-disable-next-line broken-image -->'), 'Unused suppression: no "broken-image" finding here to silence.', ['Remove this unused suppression (preferred)']],
        [rangeOf('<!-- postcraft-disable image-case -->'), 'Unused suppression: no "image-case" finding here to silence.', ['Remove this unused suppression']],
      ],
    );
    // The whole-site check (the CLI's two passes) reports the same.
    const { checkSites } = await import('../../src/cli/checkSite');
    const report = await checkSites(inMemorySite(files), '/site', { reportUnusedDisable: true });
    assert.deepEqual(report.findings.filter((found) => found.code === 'unused-disable'), unused);
    // Fix all removes the next-line comments that silence nothing, each whole line, and nothing else.
    const fixed = service.fixText(file, text, { reportUnusedDisable: true }).text;
    assert.equal(fixed, text.replace('# postcraft-disable-next-line schema\n', '').replace('<!-- postcraft-disable-next-line broken-image -->\n', ''));
  });

  it('count a code turned off as silencing nothing, and go with unused-disable: off', async () => {
    const post = '---\ntitle: U\n---\n<!-- postcraft-disable-next-line broken-image -->\n![b](images/missing.png)\n';
    const service = createPostcraftService({ fs: inMemorySite({ ...siteFiles(), 'content/posts/a.md': post }) });
    await service.openWorkspace(['/site']);
    assert.deepEqual(service.checkText(file, post, { reportUnusedDisable: true }), []);
    assert.deepEqual(service.checkText(file, post, { reportUnusedDisable: true, severities: { 'broken-image': 'off' } }).map((found) => found.code), ['unused-disable']);
    assert.deepEqual(service.checkText(file, post, { reportUnusedDisable: true, severities: { 'broken-image': 'off', 'unused-disable': 'off' } }), []);
  });
});

describe('fix all on generated posts (property)', () => {
  it('changes only what its fixes replace: the edits give the fixed text, one pass keeps to the first check\'s safe fixes, and no safe fix is left', async () => {
    const { fuzzSites } = await import('../fuzz/sites');
    const { anyPostText, renderPost, validPost } = await import('../fuzz/arbitraries');
    const sites = await fuzzSites();
    const posts = fc.constantFrom(...sites).chain((site) => fc.tuple(fc.constant(site), fc.oneof(validPost(site.vocabulary).map(renderPost), anyPostText(site.vocabulary))));
    let fixed = 0;
    fc.assert(
      fc.property(posts, ([site, text]) => {
        const result = site.service.fixText(site.postPath, text);
        assert.equal(applyOffsetEdits(text, result.edits), result.text);
        for (let i = 1; i < result.edits.length; i++) assert.ok(result.edits[i - 1]!.range.end <= result.edits[i]!.range.start);
        if (result.passes === 1) {
          // Every changed character lies in the range of a safe fix of the text as it was.
          const lines = new LineIndex(text);
          const ranges = safeFixes(site.service.checkText(site.postPath, text), site.postPath).flatMap(({ fix }) => fix.edits.map((change) => [lines.offsetAt(change.range.start), lines.offsetAt(change.range.end)] as const));
          // (Fixes that touch merge into one edit, so an edit may span several.)
          const inside = (offset: number, insertion: boolean) => ranges.some(([start, end]) => start <= offset && (insertion ? offset <= end : offset < end));
          for (const change of result.edits) {
            if (change.range.start === change.range.end) assert.ok(inside(change.range.start, true), JSON.stringify({ change, ranges }));
            for (let offset = change.range.start; offset < change.range.end; offset++) assert.ok(inside(offset, false), JSON.stringify({ change, ranges }));
          }
        }
        if (result.passes < maxFixPasses) assert.deepEqual(safeFixes(result.remaining, site.postPath), []);
        if (result.text !== text) fixed++;
      }),
      { numRuns: 300 },
    );
    assert.ok(fixed > 10, `${fixed} generated posts fixed`);
  });
});
