import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { goTemplateMakesSources, madeRules, redirectsPageRules } from '../../../src/core/links/redirectsPage';

describe('pages and templates that write the host\'s _redirects', () => {
  it('reads the body of a page whose permalink is _redirects, and of no other page', () => {
    assert.equal(redirectsPageRules('---\npermalink: /_redirects\n---\n/a /b\n'), '/a /b\n');
    assert.equal(redirectsPageRules("---\ntitle: x\npermalink: '_redirects'\n---\n/a /b\n"), '/a /b\n');
    assert.equal(redirectsPageRules('---\npermalink: /redirects.txt\n---\n/a /b\n'), undefined);
  });

  it('takes rules a Liquid loop makes from each page\'s data for that key, and any other made source for unknown', () => {
    const fromData = '{%- for page in collections.all -%}{%- for old in page.data.redirectFrom %}\n{{ old }}  {{ page.url }}\n{%- endfor -%}{%- endfor -%}';
    assert.deepEqual(madeRules(`/blog/dev/* /blog/:splat\n${fromData}`), { pageDataKeys: ['redirectFrom'], unknown: false });
    assert.deepEqual(madeRules('{% for domain in site.aliases %}{{ domain }}/* https://example.org/:splat 301\n{% endfor %}'), { pageDataKeys: [], unknown: true });
    // A line too long to be a rule is not scanned (its scan would cost its length squared): unknown.
    assert.equal(madeRules(`${'{'.repeat(5000)}\n`).unknown, true);
  });

  it('tells a Go template that writes sources from one that makes only targets or assignments', () => {
    assert.equal(goTemplateMakesSources('{{ $latest := site.Params.latest }}\n/docs/latest/* /docs/{{ $latest }}/:splat 200\n'), false);
    assert.equal(goTemplateMakesSources('{{ range .Site.Pages }}{{ range .Aliases }}{{ . }} {{ $.RelPermalink }}\n{{ end }}{{ end }}'), true);
    assert.equal(goTemplateMakesSources('{{- /* a comment {{ .x }} */ -}}\n/a /b\n'), false);
  });
});
