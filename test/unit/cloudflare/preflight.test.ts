import assert from 'node:assert/strict';
import { applyPlan } from '../../../cloudflare/src/sync/apply';
import { syncRecordOf } from '../../../cloudflare/src/sync/plan-normalize';
import type { DesiredRecord, PlanRecordBody } from '../../../cloudflare/src/sync/plan-types';
import { computePlan } from '../../../cloudflare/src/sync/planner';
import { preflightProblems } from '../../../cloudflare/src/sync/preflight';
import { ModelApi } from './planner-helpers';

const desired = (body: Partial<PlanRecordBody> & { type: string }, line = 0): DesiredRecord => ({
  ...syncRecordOf({ name: 't.example.com', ttl: 300, ...body }),
  line,
});
const problems = (records: DesiredRecord[], freePlan = false): string[] =>
  preflightProblems(records, { freePlan }).map((problem) => `${problem.line ?? '-'} ${problem.problem}`);
const strings = (count: number, length: number): string =>
  Array.from({ length: count }, () => `"${'x'.repeat(length)}"`).join(' ');

describe('pre-flight check of what a sync would write', () => {
  it('refuses a TXT record over 4,096 octets of wire data, not one at the limit', () => {
    // t.example.com: 15 octets, + 10, + 15 × 256 + (1 + n): 4,096 at n = 230.
    assert.deepEqual(problems([desired({ type: 'TXT', content: `${strings(15, 255)} "${'x'.repeat(230)}"` })]), []);
    assert.deepEqual(problems([desired({ type: 'TXT', content: `${strings(15, 255)} "${'x'.repeat(231)}"` })]), [
      '0 4097 octets of wire data; Cloudflare stores at most 4096 per record',
    ]);
  });

  it('counts unquoted TXT the way Cloudflare splits it', () => {
    assert.equal(problems([desired({ type: 'TXT', content: 'x'.repeat(4100) })]).length, 1);
  });

  it('refuses the record that takes an RRset past 8,192 characters', () => {
    const records = [1, 2, 3, 4, 5].map((index) =>
      desired({ type: 'TXT', content: `"${String(index).repeat(2000)}"` }, index),
    );
    assert.deepEqual(problems(records), [
      '5 the TXT records at t.example.com reach 10010 characters of content; Cloudflare allows 8192 per name and type',
    ]);
  });

  it('refuses comments with a line break, and tags on Free only', () => {
    assert.deepEqual(problems([desired({ type: 'A', content: '192.0.2.1', comment: 'a\nb' })]), [
      '0 the comment has a line break, which Cloudflare refuses',
    ]);
    const tagged = desired({ type: 'A', content: '192.0.2.1', tags: ['env:prod'] });
    assert.deepEqual(problems([tagged], true), ['0 tags (env:prod) need a paid plan; the zone is on Free']);
    assert.deepEqual(problems([tagged], false), []);
  });

  it('makes apply send nothing', async () => {
    const api = new ModelApi();
    const records = [desired({ type: 'A', content: '192.0.2.1', tags: ['env:prod'] })];
    const plan = computePlan(records, [], { zone: 'example.com' });
    const report = await applyPlan(api, 'zone', plan, {
      batchSize: 200,
      preflight: preflightProblems(records, { freePlan: true }),
    });
    assert.equal(report.status, 'refused');
    assert.match(report.message, /^Nothing was sent: Cloudflare would refuse 1 record/);
    assert.equal(api.requests.length, 0);
  });
});
