import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inMemorySite } from '../../src/core/host/inMemoryFileSystem';
import { noCancellation } from '../../src/core/host/cancellation';
import { runChecks } from '../../src/core/checks/runChecks';
import { checkWhileIndexing, finishCheck, type HalfChecked } from '../../src/core/checks/twoPassCheck';
import { tagClusters } from '../../src/core/features/tagClusters';
import { parsePost } from '../../src/core/post/parsedPost';
import { jekyll } from '../../src/core/site/generators/jekyll';
import type { GeneratorProfile } from '../../src/core/site/generators/profile';
import { Site } from '../../src/core/site/site';
import { keysAdjacent, singleEdit } from '../../src/core/text/typoShape';
import { looksMistyped } from '../../src/core/checks/tagSpelling';

// Jekyll keeps every spelling apart (`Ruby` and `ruby` are two tag pages: site.tags is keyed by the
// exact string, checked with jekyll 4.3.1). Hugo merges the spellings that urlize alike (hugo
// 0.111.3 gives `JavaScript` and `javascript` one page, /tags/javascript/); a profile with a
// lower-casing, hyphenating term key stands in for it here. A third takes a post's language from
// its folder, as a multilingual site does.
const exact: GeneratorProfile = jekyll;
const merging: GeneratorProfile = { ...jekyll, displayName: 'Merging', tagTerm: (tag) => tag.toLowerCase().trim().replace(/\s+/g, '-') };
const byFolder: GeneratorProfile = { ...jekyll, postLanguage: (_config, path) => /\/_posts\/(\w\w)\//.exec(path)?.[1] };

type Posts = readonly (readonly [tags: readonly string[], body?: string])[];

function postText(tags: readonly string[], body = 'Text.'): string {
  return `---\ntitle: A post\ntags: [${tags.map((tag) => JSON.stringify(tag)).join(', ')}]\n---\n${body}\n`;
}

function files(posts: Posts, folder = (_index: number) => ''): Record<string, string> {
  const result: Record<string, string> = { '_config.yml': 'title: x\n' };
  posts.forEach(([tags, body], index) => (result[`_posts/${folder(index)}2024-01-01-p${index}.md`] = postText(tags, body)));
  return result;
}

async function open(profile: GeneratorProfile, siteFiles: Record<string, string>, onPostParsed?: Parameters<typeof Site.load>[5]): Promise<Site> {
  return Site.load(inMemorySite(siteFiles), '/site', profile, '/site/_config.yml', noCancellation, onPostParsed);
}

/** The tag findings of every post, as `path: code tag → fix`. */
async function tagFindings(profile: GeneratorProfile, posts: Posts, folder?: (index: number) => string): Promise<string[]> {
  const siteFiles = files(posts, folder);
  const site = await open(profile, siteFiles);
  return Object.entries(siteFiles)
    .filter(([path]) => path.endsWith('.md'))
    .flatMap(([path, text]) =>
      runChecks(site, parsePost(`/site/${path}`, text))
        .filter((finding) => finding.code.startsWith('tag-'))
        .map((finding) => `${path.replace(/^_posts\/|2024-01-01-|\.md$/g, '')}: ${finding.code} ${finding.severity} → ${finding.fixes[0]?.edits[0]?.newText}`),
    );
}

const many = (count: number, tags: readonly string[]): Posts => Array.from({ length: count }, () => [tags] as const);

describe('the shape of a typo', () => {
  it('names the one edit between a word and its misspelling', () => {
    assert.deepEqual(singleEdit('kubernetes', 'kuberentes'), { kind: 'transposed', at: 5, atEnd: false, nearKey: false });
    assert.equal(singleEdit('jekyll', 'jekyl')?.kind, 'undoubled');
    assert.equal(singleEdit('python', 'pythonn')?.kind, 'doubled');
    assert.equal(singleEdit('gardening', 'gardning')?.kind, 'dropped');
    assert.deepEqual(singleEdit('linux', 'linix'), { kind: 'substituted', at: 3, atEnd: false, nearKey: true });
    assert.deepEqual(singleEdit('code', 'xcode'), { kind: 'inserted', at: 0, atEnd: false, nearKey: true });
    assert.deepEqual(singleEdit('prisma', 'prism'), { kind: 'dropped', at: 5, atEnd: true, nearKey: false });
    assert.equal(singleEdit('kubernetes', 'kubernetes'), undefined);
    assert.equal(singleEdit('kubernetes', 'kubrnetse'), undefined);
  });

  it('knows which keys touch on a QWERTY keyboard', () => {
    assert.deepEqual(['ts', 'tg', 'tf', 'xs', 'hb', 'qa', 'ae', 'tt', '#+', 'éa'].map((pair) => keysAdjacent(pair[0]!, pair[1]!)), [false, true, true, true, true, true, false, false, false, false]);
  });

  it('weighs the edit, the length of the word and how established each tag is', () => {
    const edit = (intended: string, written: string) => singleEdit(intended, written)!;
    assert.equal(looksMistyped(edit('kubernetes', 'kuberentes'), 10, 1, 3), true);
    assert.equal(looksMistyped(edit('typescript', 'typescirpt'), 10, 1, 2), true, 'a swap in a long word needs less evidence');
    assert.equal(looksMistyped(edit('docker', 'dockr'), 6, 1, 2), false, 'a dropped letter needs an established tag');
    assert.equal(looksMistyped(edit('code', 'xcode'), 4, 1, 30), false, 'a letter added in front makes another word');
    assert.equal(looksMistyped(edit('trust', 'rust'), 5, 1, 30), false, 'so does a first letter dropped from a short word');
    assert.equal(looksMistyped(edit('hiking', 'biking'), 6, 1, 30), false, 'and a first letter changed in a short word');
    assert.equal(looksMistyped(edit('test', 'rest'), 4, 3, 100), false, 'two established tags are two words');
    assert.equal(looksMistyped(edit('kubernetes', 'kuebrnetes'), 10, 100, 2500), true, 'unless one is a swap on a tenth of the posts of the other');
    assert.equal(looksMistyped(edit('flask', 'flash'), 5, 1, 30), false, 'a substituted letter away from the right key is another word');
    assert.equal(looksMistyped(edit('linux', 'linix'), 5, 1, 30), true, 'one beside it is a slip');
    assert.equal(looksMistyped(edit('go', 'gi'), 2, 1, 30), false);
  });
});

describe('tag-typo and tag-variant', () => {
  it('takes two words written as often, each in several spellings, for no typos of each other (and does not loop)', async () => {
    const posts: Posts = ['Kotlin', 'kotlin', 'KOTLIN', 'Kotlim', 'kotlim', 'KOTLIM'].map((tag) => [[tag]] as const);
    assert.deepEqual((await tagFindings(exact, posts)).filter((finding) => finding.includes('tag-typo')), []);
  });

  it('flags a rare near-miss of an established tag, with the fix', async () => {
    assert.deepEqual(await tagFindings(exact, [...many(3, ['kubernetes']), [['kuberentes']]]), ['p3: tag-typo warning → kubernetes']);
  });

  it('reports case, separator and plural variants as one tag written two ways (info), not as a misspelling, where the generator keeps them apart', async () => {
    const posts: Posts = [...many(4, ['ruby', 'open source', 'container']), [['Ruby', 'open-source', 'containers']]];
    assert.deepEqual(await tagFindings(exact, posts), ['p4: tag-variant info → ruby', 'p4: tag-variant info → open source', 'p4: tag-variant info → container']);
  });

  it('says nothing of spellings the generator merges into one tag page', async () => {
    const posts: Posts = [...many(4, ['javascript', 'data access']), [['JavaScript', 'data-access', 'Data Access']]];
    assert.deepEqual(await tagFindings(merging, posts), []);
  });

  it('counts the merged spellings of a tag as one when weighing a typo, and fixes to the most used spelling', async () => {
    const posts: Posts = [[['JavaScript']], [['javascript']], [['javascript']], [['javscript']]];
    assert.deepEqual(await tagFindings(merging, posts), ['p3: tag-typo warning → javascript']);
  });

  it('takes all spellings of a misspelt tag to the intended tag, not to one another', async () => {
    const posts: Posts = [...many(6, ['kubernetes']), [['Kuberentes']], [['kuberentes']]];
    assert.deepEqual(await tagFindings(exact, posts), ['p6: tag-typo warning → kubernetes', 'p7: tag-typo warning → kubernetes']);
  });

  it('leaves distinct words alone: a letter in front, a plural package name, two established tags, numbered versions', async () => {
    const posts: Posts = [...many(9, ['code', 'rust', 'pandas', 'test', 'web3', 'python']), [['Xcode', 'trust', 'panda', 'web2', 'python3']], ...many(3, ['rest'])];
    assert.deepEqual(await tagFindings(exact, posts), ['p9: tag-variant info → pandas']);
  });

  it('leaves a near word alone where the post writes it in its text, and flags it where the post does not', async () => {
    const base = many(5, ['deno', 'linux']);
    assert.deepEqual(await tagFindings(exact, [...base, [['demo', 'linus'], 'A demo of what Linus said.']]), []);
    assert.deepEqual(await tagFindings(exact, [...base, [['demo', 'linus'], 'Text.']]), ['p5: tag-typo warning → deno', 'p5: tag-typo warning → linux']);
  });

  it('leaves a near word alone where an established tag of several words writes it, not a one-off one', async () => {
    assert.deepEqual(await tagFindings(exact, [...many(5, ['deno']), [['demo']], ...many(2, ['live demo'])]), []);
    assert.deepEqual(await tagFindings(exact, [...many(5, ['deno']), [['demo']], [['live demo']]]), ['p5: tag-typo warning → deno']);
  });

  it('leaves a near word alone where a title writes it', async () => {
    const siteFiles: Record<string, string> = { ...files([...many(5, ['deno']), [['demo']]]), '_posts/2024-02-01-x.md': '---\ntitle: A demo day\n---\n' };
    const site = await open(exact, siteFiles);
    assert.deepEqual(runChecks(site, parsePost('/site/_posts/2024-01-01-p5.md', siteFiles['_posts/2024-01-01-p5.md']!)), []);
  });

  it('weighs all spellings of the intended tag together: three spellings on few posts each are one established tag', async () => {
    const posts: Posts = [[['Weblogic']], [['WebLogic']], [['weblogic']], [['Webolgic']]];
    assert.deepEqual(await tagFindings(exact, posts), ['p3: tag-typo warning → WebLogic']);
  });

  it('finds the same in two passes (the CLI) as post by post (the editor), the post text included', async () => {
    const siteFiles = files([...many(5, ['deno', 'linux']), [['demo', 'linus'], 'A demo.'], [['kubernetes']], [['kubernetes']], [['kuberentes']]]);
    const halves = new Map<string, HalfChecked>();
    const site = await open(exact, siteFiles, async (loading, post) => void halves.set(post.path, await checkWhileIndexing(loading, post)));
    for (const [path, text] of Object.entries(siteFiles).filter(([name]) => name.endsWith('.md'))) {
      const inTwoPasses = finishCheck(site, halves.get(`/site/${path}`)!, {}).map((finding) => finding.message);
      assert.deepEqual(inTwoPasses, runChecks(site, parsePost(`/site/${path}`, text)).map((finding) => finding.message), path);
    }
    assert.deepEqual(finishCheck(site, halves.get('/site/_posts/2024-01-01-p5.md')!, {}).map((finding) => finding.message), [
      'Tag "linus" (1 post) looks like a misspelling of "linux" (5 posts).',
    ]);
  });

  it('compares tags within one language: a Spanish tag is no misspelling of a Portuguese one, and the fix is in the post\'s language', async () => {
    const posts: Posts = [...many(5, ['tecnología', 'programación']), [['tecnologia']], [['tecnologia']], [['tecnologia']], [['tecnlogia', 'programação']]];
    const folder = (index: number) => (index < 5 ? 'es/' : 'pt/');
    assert.deepEqual(await tagFindings(byFolder, posts, folder), ['pt/p8: tag-typo warning → tecnologia']);
  });

  it('never breaks on tags that are no words, or that hold pattern characters', async () => {
    const odd = ['c#', 'c++', '(', '**', '\\', '[x]', '?', '2024', 'a.b', ' ', 'ç'];
    const posts: Posts = [...many(3, ['c#', 'c++', '2024', 'a.b']), [odd, 'c# and (c++) [x] ?']];
    assert.deepEqual(await tagFindings(exact, posts), []);
  });
});

describe('tag hygiene', () => {
  it('groups merged spellings, variants and typos; typos only where they are typos in every language the tag is on', async () => {
    const posts: Posts = [...many(5, ['kubernetes', 'deno']), [['Kubernetes']], [['kuberentes']], [['demo']], ...many(5, ['demo'])];
    const folder = (index: number) => (index < 8 ? 'en/' : 'es/');
    const site = await open(byFolder, files(posts, folder));
    assert.deepEqual(
      tagClusters(site).map((cluster) => [cluster.canonical.tag, cluster.variants.map((variant) => variant.tag)]),
      [['kubernetes', ['kuberentes', 'Kubernetes']]],
    );
  });

  it('says which clusters the generator already gives one tag page', async () => {
    const site = await open(merging, files([...many(3, ['javascript', 'kubernetes']), [['JavaScript', 'kuberentes']]]));
    assert.deepEqual(
      tagClusters(site).map((cluster) => [cluster.canonical.tag, cluster.onePage]),
      [['javascript', true], ['kubernetes', false]],
    );
  });
});
