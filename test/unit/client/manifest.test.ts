import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

interface Manifest {
  engines: { vscode: string };
  contributes: {
    commands: { command: string; title: string }[];
    menus: Record<string, { command: string }[]>;
    views: Record<string, { id: string }[]>;
    viewsWelcome: { view: string; contents: string }[];
    walkthroughs: { steps: { description: string; media: { markdown?: string } }[] }[];
    configuration: { properties: Record<string, unknown> };
  };
  devDependencies: Record<string, string>;
}

const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as Manifest;

describe('the extension manifest', () => {
  const declared = new Set(manifest.contributes.commands.map((command) => command.command));

  it('declares each command once, under zoneRecords.', () => {
    assert.equal(declared.size, manifest.contributes.commands.length);
    for (const id of declared) assert.match(id, /^zoneRecords\.[a-zA-Z]+$/);
  });

  it('menus and the welcome view refer only to declared commands and views', () => {
    for (const [menu, entries] of Object.entries(manifest.contributes.menus)) {
      for (const entry of entries) assert.ok(declared.has(entry.command), `${menu}: ${entry.command}`);
    }
    const views = new Set(
      Object.values(manifest.contributes.views)
        .flat()
        .map((view) => view.id),
    );
    for (const welcome of manifest.contributes.viewsWelcome) {
      assert.ok(views.has(welcome.view));
      for (const [, command] of welcome.contents.matchAll(/\(command:([^)]+)\)/g))
        assert.ok(declared.has(command), command);
    }
  });

  it('the walkthrough links only declared commands and ships its media', () => {
    const packaged = readFileSync(path.resolve(__dirname, '../../../.vscodeignore'), 'utf8');
    for (const step of manifest.contributes.walkthroughs.flatMap((walkthrough) => walkthrough.steps)) {
      for (const [, command] of step.description.matchAll(/\(command:(zoneRecords\.[^)]+)\)/g)) {
        assert.ok(declared.has(command ?? ''), command);
      }
      const media = step.media.markdown;
      assert.ok(media !== undefined && existsSync(path.resolve(__dirname, '../../..', media)), media);
      assert.match(packaged, /^!media\/walkthrough\/\*\*$/m);
    }
  });

  it('has every setting the extension reads, and none that holds a credential', () => {
    const source = readFileSync(path.resolve(__dirname, '../../../client/src/config.ts'), 'utf8');
    const read = [...source.matchAll(/(?:get<[^>]+>|get|number)\('([a-zA-Z.]+)'/g)].map(
      (match) => `zoneRecords.${match[1]}`,
    );
    assert.ok(read.length >= 8, `settings read: ${read.join(', ')}`);
    for (const key of read) assert.ok(key in manifest.contributes.configuration.properties, key);
    for (const key of Object.keys(manifest.contributes.configuration.properties)) {
      assert.doesNotMatch(key, /token|key$|secret|password/i);
    }
  });

  it('targets VS Code 1.100 with matching types', () => {
    assert.equal(manifest.engines.vscode, '^1.100.0');
    assert.match(manifest.devDependencies['@types/vscode'] ?? '', /^~1\.100\./);
  });
});
