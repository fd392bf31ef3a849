// Hugo as the oracle of `ref`/`relref`: the hugo-links fixture is built with the real `hugo` (Debian's
// 0.111), every page rendering its content, and each call's output is compared with Postcraft's lookup
// (hugoRoutes.resolveTemplateLink): a call Hugo rejects with REF_NOT_FOUND is one Postcraft calls missing,
// with Hugo's reason; a call Hugo renders resolves to the page Hugo published at that URL.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createPostcraftService, toSitePath } from '../../../src/core/index';
import { nodeFileSystem } from '../../../src/node/index';
import type { LinkReference } from '../../../src/core/links/model';
import { hugoRoutes } from '../../../src/core/site/routes/hugo';
import { fixturesRoot } from '../support/fixtureSites';
import { buildRefsWithHugo, hugoAvailable, urlBelowBasePath, type RenderedRef } from './support/hugoBuild';

/** The shortcode's arguments as Hugo's `ref` reads them: a path (and an output format), or named `path`, `lang`, `outputFormat`. */
function linkOf(ref: RenderedRef): LinkReference {
  const named = Object.fromEntries([...ref.args.matchAll(/(\w+)\s*=\s*"([^"]*)"/g)].map((match) => [match[1]!, match[2]!]));
  const positional = [...ref.args.matchAll(/(?:^|\s)"([^"]*)"/g)].map((match) => match[1]!);
  const written = named['path'] ?? positional[0] ?? '';
  const hash = written.indexOf('#');
  const options: Record<string, string> = {};
  if (named['lang'] !== undefined) options['lang'] = named['lang'];
  const outputFormat = named['outputFormat'] ?? positional[1];
  if (outputFormat !== undefined) options['outputFormat'] = outputFormat;
  return {
    form: ref.form === 'ref' ? 'hugo-ref' : 'hugo-relref',
    raw: written,
    range: { start: 0, end: 0 },
    path: hash < 0 ? written : written.slice(0, hash),
    ...(hash < 0 ? {} : { fragment: written.slice(hash + 1) }),
    ...(Object.keys(options).length > 0 ? { options } : {}),
  };
}

describe('Hugo and Postcraft resolve ref and relref alike', () => {
  const skip = hugoAvailable() ? false : 'hugo is not installed (npm test installs it: node scripts/generators.mjs)';

  it('hugo-links: every ref Hugo rejects is missing, with its reason, and every one it renders is the page at that URL', { skip }, async () => {
    const root = join(fixturesRoot, 'hugo-links');
    const build = buildRefsWithHugo(root);
    assert.equal(build.failure, undefined, build.failure);
    const sitePath = toSitePath(root);
    const [site] = await createPostcraftService({ fs: nodeFileSystem }).openWorkspace([sitePath]);
    assert.ok(site);
    assert.ok(build.refs.length >= 20, 'the fixture has its refs');
    const disagreements: string[] = [];
    for (const ref of build.refs) {
      const link = linkOf(ref);
      const ours = hugoRoutes.resolveTemplateLink!(site, join(sitePath, ref.file), link);
      const call = `${ref.file}: {{< ${ref.form} ${ref.args} >}}`;
      if (ref.rendered === undefined) {
        // Hugo's reason is the end of its REF_NOT_FOUND line for this path.
        const line = build.notFound.find((candidate) => candidate.includes(`Ref "${link.path}"`));
        const reason = line?.slice(line.lastIndexOf(': ') + 2);
        if (ours.status !== 'missing') disagreements.push(`${call}: Hugo: REF_NOT_FOUND (${reason}); Postcraft: ${JSON.stringify(ours)}`);
        else if (reason && !ours.why.endsWith(`: ${reason}`)) disagreements.push(`${call}: Hugo says "${reason}", Postcraft "${ours.why}"`);
        continue;
      }
      const url = ref.rendered.replace(/^https?:\/\/[^/]+/, '').replace(/#.*$/, '');
      const expected = url === '' ? [ref.file] : build.pages.filter((page) => page.url === urlBelowBasePath(url, build.basePath)).map((page) => page.file);
      const foundFile = ours.status === 'found' ? ours.path.slice(sitePath.length + 1) : undefined;
      const agrees = ours.status === 'found' ? expected.includes(foundFile!) : ours.status === 'unknown' && !expected.some((file) => /\.md$/.test(file));
      if (!agrees) disagreements.push(`${call}: Hugo renders ${ref.rendered} (${expected.join(', ') || 'no content file'}); Postcraft: ${JSON.stringify(ours)}`);
    }
    assert.equal(disagreements.join('\n'), '');
    assert.ok(build.refs.some((ref) => ref.rendered === undefined), 'the fixture plants refs Hugo rejects');
  });
});
