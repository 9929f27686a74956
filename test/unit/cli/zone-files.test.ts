import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isZoneFileName, zoneFileExtensions, zoneFilePrefixes } from '../../../cli/src/zone-files';

interface Manifest {
  contributes: { languages: { id: string; extensions: string[]; filenamePatterns: string[] }[] };
}

describe('zone-records lint FOLDER: which files are zone files', () => {
  it('are the names the extension claims for the dns-zone language', () => {
    const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as Manifest;
    const language = manifest.contributes.languages.find((entry) => entry.id === 'dns-zone');
    assert.deepEqual(language?.extensions, zoneFileExtensions);
    assert.deepEqual(
      language?.filenamePatterns,
      zoneFilePrefixes.map((prefix) => `${prefix}*`),
    );
  });

  it('match by extension or db. prefix', () => {
    for (const name of ['example.com.zone', 'a.dns', 'x.bind', 'db.example.com']) assert.ok(isZoneFileName(name), name);
    for (const name of ['db.', 'zone', 'notes.txt', 'example.zone.bak']) assert.ok(!isZoneFileName(name), name);
  });
});
