import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPostcraftService, type Finding, type Fix } from '../../src/core/index';
import { InMemoryFileSystem } from '../../src/core/host/inMemoryFileSystem';
import { LineIndex } from '../../src/core/text/lineIndex';
import { fixtureFiles, fixtureSites } from './support/fixtureSites';

// Every quick fix offered on every fixture site, applied and checked again: the finding it fixes is
// gone and the fix brings no finding the post did not have.

async function openSite(files: Record<string, Uint8Array>) {
  const fs = new InMemoryFileSystem('/site', files);
  const service = createPostcraftService({ fs });
  const [site] = await service.openWorkspace(['/site']);
  assert.ok(site, 'the fixture is a site');
  return { fs, service, site };
}

function applyEdits(text: string, fix: Fix, path: string): string {
  const lines = new LineIndex(text);
  const edits = fix.edits.map((edit) => {
    assert.equal(edit.file, path, `"${fix.title}" edits only the post it fixes`);
    return { start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), newText: edit.newText };
  });
  // From the end, so earlier offsets stay valid.
  for (const edit of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
  return text;
}

const key = (finding: Finding) => `${finding.code}: ${finding.message}`;

describe('every quick fix on the fixture sites fixes its finding and adds none', () => {
  let appliedFixes = 0;
  for (const fixture of fixtureSites()) {
    it(fixture.name, async () => {
      const files = fixtureFiles(fixture.root);
      const { service, site } = await openSite(files);
      const findings = await service.checkSite(site);
      let applied = 0;
      for (const finding of findings) {
        for (const fix of finding.fixes) {
          // A fresh site per fix: a fix that renames a tag changes the site's counts.
          const fresh = await openSite(files);
          const path = finding.file;
          const text = new TextDecoder().decode(files[path.slice('/site/'.length)]!);
          // As saved: the images it shows are weighed first (checkText alone weighs them after, see ImageWeights).
          const before = await fresh.service.checkFile(path);
          assert.deepEqual(fresh.service.checkText(path, text), before);
          if (fix.createFile) {
            fresh.fs.write(fix.createFile.path.slice('/site/'.length), fix.createFile.content);
            await fresh.service.fileChanged(fix.createFile.path, 'created');
          }
          const after = fresh.service.checkText(path, applyEdits(text, fix, path));
          const remaining = before.map(key);
          remaining.splice(remaining.indexOf(key(finding)), 1);
          for (const left of after) {
            const index = remaining.indexOf(key(left));
            assert.notEqual(index, -1, `"${fix.title}" on ${path} (${key(finding)}) leaves or brings: ${key(left)}`);
            remaining.splice(index, 1);
          }
          applied++;
        }
      }
      appliedFixes += applied;
    });
  }

  it('tried fixes of every kind the fixtures offer', () => {
    assert.ok(appliedFixes >= 10, `only ${appliedFixes} fixes were tried`);
  });
});
