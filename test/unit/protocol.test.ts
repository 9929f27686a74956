import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { configurationSection, languageId } from '../../protocol/src/index';

interface Manifest {
  contributes: {
    languages: { id: string }[];
    configuration: { properties: Record<string, unknown> } | { properties: Record<string, unknown> }[];
  };
}

const manifest = JSON.parse(readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as Manifest;

describe('the protocol names agree with the extension manifest', () => {
  it('names the language package.json contributes', () => {
    assert.ok(manifest.contributes.languages.some((language) => language.id === languageId));
  });

  it('is the section of every contributed setting', () => {
    const sections = [manifest.contributes.configuration].flat();
    const keys = sections.flatMap((section) => Object.keys(section.properties));
    assert.ok(keys.length > 0);
    for (const key of keys) assert.ok(key.startsWith(`${configurationSection}.`), key);
  });
});
