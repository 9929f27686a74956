import * as assert from 'node:assert/strict';
import { findZoneLink, parseLinksFile, parseZoneLinks } from '../../../client/src/text/zoneLinks';

const id = '0123456789abcdef0123456789abcdef';

describe('links from zone files to zones', () => {
  it('reads a zone name, a zone id, or both', () => {
    const { links, problems } = parseZoneLinks(
      { 'a.zone': 'Example.COM.', 'b.zone': id, 'c.zone': { zone: 'example.net', zoneId: id }, 'd.zone': 42 },
      'zoneRecords.zoneFiles',
    );
    assert.deepEqual(links, [
      { pattern: 'a.zone', zone: 'example.com' },
      { pattern: 'b.zone', zoneId: id },
      { pattern: 'c.zone', zone: 'example.net', zoneId: id },
    ]);
    assert.deepEqual(problems, [
      'zoneRecords.zoneFiles: "d.zone" needs a zone name, a zone id, or { "zone": …, "zoneId": … }',
    ]);
  });

  it('reports a links file that is not JSON, and loses nothing else', () => {
    assert.match(parseLinksFile('{', '.zone-records.json').problems[0] ?? '', /not JSON/);
    assert.deepEqual(parseLinksFile('{"files":{"x.zone":"example.org"}}', 'f').links, [
      { pattern: 'x.zone', zone: 'example.org' },
    ]);
  });

  it('matches globs relative to the folder; a bare pattern matches the file name anywhere', () => {
    const links = [
      { pattern: 'prod/*.zone', zone: 'prod.example' },
      { pattern: 'zones/**/db.*', zone: 'deep.example' },
      { pattern: 'example.com.zone', zone: 'example.com' },
    ];
    assert.equal(findZoneLink(links, 'prod/a.zone')?.zone, 'prod.example');
    assert.equal(findZoneLink(links, 'prod/sub/a.zone'), undefined);
    assert.equal(findZoneLink(links, 'zones/db.example')?.zone, 'deep.example');
    assert.equal(findZoneLink(links, 'zones/x/y/db.example')?.zone, 'deep.example');
    assert.equal(findZoneLink(links, 'any/where/example.com.zone')?.zone, 'example.com');
    assert.equal(findZoneLink(links, 'examplexcom.zone'), undefined);
  });
});
