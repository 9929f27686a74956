import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { RECORD_TYPES } from '../../../cloudflare/src/api/record-types';
import { cloudflareTypes } from '../../../core/src/rdata';

const spec = resolve(__dirname, '../../../../shared/cloudflare/dns-records.openapi.json');

// The client lists the types from the API spec; the zone core from its type catalogue (it may not import the
// client). The two must name the same types, or the import pre-check and the record commands disagree.
describe('record types Cloudflare serves: client, zone core and API spec agree', () => {
  it('the client and the zone core list the same types', () => {
    assert.deepEqual([...cloudflareTypes].sort(), [...RECORD_TYPES].sort());
  });

  if (!existsSync(spec)) {
    it('skipped: ../shared/cloudflare is absent (the spec is read in place, never copied)');
    return;
  }
  it("the client's types are the spec's dns-records_type enum, in its order", () => {
    const document = JSON.parse(readFileSync(spec, 'utf8')) as {
      components: { schemas: Record<string, { enum?: string[] }> };
    };
    assert.deepEqual([...RECORD_TYPES], document.components.schemas['dns-records_type']?.enum);
  });
});
