import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const read = (name: string) => readFileSync(new URL(`../../${name}`, import.meta.url), 'utf8');
const manifest = read('package.json');
const english: Record<string, string> = JSON.parse(read('package.nls.json'));
const spanish: Record<string, string> = JSON.parse(read('package.nls.es.json'));

test('every %key% of the manifest is in package.nls.json, and every key there is used', () => {
  const used = new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]!));
  assert.deepEqual([...used].filter((key) => !(key in english)), []);
  assert.deepEqual(Object.keys(english).filter((key) => !used.has(key)), []);
});

test('the manifest shows no English text where VS Code shows a translation', () => {
  const contributes = JSON.parse(manifest).contributes;
  const plain: string[] = [];
  const visit = (value: unknown, key: string) => {
    if (typeof value === 'string') {
      if (/^(title|description|markdownDescription|name|altText|contents|enumDescriptions|markdownEnumDescriptions)$/.test(key) && !/^%.+%$/.test(value) && value !== 'Postcraft') plain.push(`${key}: ${value}`);
    } else if (Array.isArray(value)) value.forEach((item) => visit(item, key));
    else if (value && typeof value === 'object') for (const [name, child] of Object.entries(value)) visit(child, name);
  };
  visit(contributes, '');
  assert.deepEqual(plain, []);
});

test('the Spanish manifest has every key, each with the same code, variables and links as the English', () => {
  assert.deepEqual(Object.keys(spanish).sort(), Object.keys(english).sort());
  const fixed = (text: string) => [...text.matchAll(/`[^`]*`|\$\{\w+\}|\]\([^)]*\)|\{\d+\}/g)].map((match) => match[0]).sort();
  for (const [key, text] of Object.entries(english)) {
    assert.deepEqual(fixed(spanish[key]!), fixed(text), key);
    assert.notEqual(spanish[key]!.trim(), '', key);
  }
});
