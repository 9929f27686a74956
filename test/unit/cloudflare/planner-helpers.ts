// A small in-memory model of Cloudflare's batch endpoint and record generators, for the planner's property tests.
import fc from 'fast-check';
import { coexistenceConflicts } from '../../../cloudflare/src/sync/chunk';
import type {
  BatchRequestBody,
  DesiredRecord,
  LiveRecord,
  PlanRecordBody,
} from '../../../cloudflare/src/sync/plan-types';

export const zone = 'example.com';

/** A record as the model API stores it. */
export interface ModelRecord {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly content: string;
  readonly ttl: number;
  readonly proxied: boolean;
  readonly comment: string;
  readonly tags: readonly string[];
  readonly readOnly?: boolean;
}

export type RecordFields = Omit<ModelRecord, 'id' | 'readOnly'>;

const proxiable = new Set(['A', 'AAAA', 'CNAME']);

export function toSync(fields: RecordFields): Omit<DesiredRecord, 'line'> {
  const proxied = proxiable.has(fields.type) && fields.proxied;
  const body: PlanRecordBody = {
    type: fields.type,
    name: fields.name,
    content: fields.content,
    ttl: fields.ttl,
    proxied,
    comment: fields.comment,
    tags: fields.tags,
  };
  return {
    name: fields.name,
    type: fields.type,
    match: fields.content,
    ttl: proxied ? 1 : fields.ttl,
    proxied,
    comment: fields.comment,
    tags: [...fields.tags].sort(),
    display: fields.content,
    body,
  };
}

export function toLive(record: ModelRecord): LiveRecord {
  return { ...toSync(record), id: record.id, readOnly: record.readOnly === true };
}

/** The API's answer to a rejected batch. */
export class ModelApiError extends Error {
  readonly status = 400;
}

/**
 * Applies one batch the way the API does: deletes, patches, puts, posts, each list in order, all or nothing.
 * Every single step is checked against the coexistence rules, so a plan whose order is wrong fails here.
 */
export class ModelApi {
  readonly records = new Map<string, ModelRecord>();
  readonly requests: BatchRequestBody[] = [];
  private nextId = 1;
  /** Fail the batch call with this index (0-based) instead of applying it. */
  failAt: number | undefined;
  /** Contents the API refuses in a post, patch or put (as Cloudflare refuses an invalid one). */
  readonly refused = new Set<string>();

  constructor(initial: readonly ModelRecord[] = []) {
    for (const record of initial) this.records.set(record.id, record);
  }

  newId(): string {
    return (this.nextId++).toString(16).padStart(32, '0');
  }

  live(): LiveRecord[] {
    return [...this.records.values()].map(toLive);
  }

  batch(_zoneId: string, request: BatchRequestBody): Promise<unknown> {
    const index = this.requests.length;
    this.requests.push(request);
    if (this.failAt === index) return Promise.reject(new ModelApiError('Cloudflare 1000: injected failure'));
    const working = new Map(this.records);
    const refuse = (body: PlanRecordBody): void => {
      if (this.refused.has(body.content ?? '')) throw new ModelApiError(`Cloudflare 9005: refused ${body.content}`);
    };
    const step = (): void => {
      const problems = coexistenceConflicts(
        [...working.values()].map((record) => ({ name: record.name, type: record.type, match: record.content })),
        zone,
      );
      if (problems.length > 0) throw new ModelApiError(`coexistence broken: ${JSON.stringify(problems)}`);
    };
    try {
      for (const { id } of request.deletes ?? []) {
        if (!working.delete(id)) throw new ModelApiError(`delete of missing ${id}`);
        step();
      }
      for (const patch of request.patches ?? []) {
        const old = working.get(patch.id);
        if (old === undefined || old.readOnly === true) throw new ModelApiError(`patch of missing ${patch.id}`);
        refuse(patch);
        working.set(patch.id, { ...old, ...fieldsOf(patch, old) });
        step();
      }
      for (const put of request.puts ?? []) {
        const old = working.get(put.id);
        if (old === undefined || old.readOnly === true) throw new ModelApiError(`put of missing ${put.id}`);
        refuse(put);
        working.set(put.id, { id: put.id, ...fieldsOf(put) });
        step();
      }
      for (const post of request.posts ?? []) {
        refuse(post);
        const id = this.newId();
        working.set(id, { id, ...fieldsOf(post) });
        step();
      }
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    this.records.clear();
    for (const [id, record] of working) this.records.set(id, record);
    return Promise.resolve({});
  }
}

function fieldsOf(body: PlanRecordBody, base?: ModelRecord): RecordFields {
  const proxied = body.proxied ?? base?.proxied ?? false;
  return {
    name: body.name,
    type: body.type,
    content: body.content ?? '',
    ttl: proxied ? 1 : body.ttl,
    proxied,
    comment: body.comment ?? base?.comment ?? '',
    tags: body.tags ?? base?.tags ?? [],
  };
}

const names = ['example.com', 'www.example.com', 'a.example.com', 'b.example.com', 'c.example.com'];
const contents: Record<string, readonly string[]> = {
  A: ['192.0.2.1', '192.0.2.2', '192.0.2.3'],
  AAAA: ['2001:db8::1', '2001:db8::2'],
  CNAME: ['target.example.net', 'other.example.net'],
  TXT: ['"v=spf1 -all"', '"hello"', '"x" "y"'],
  MX: ['10 mx1.example.net', '20 mx2.example.net'],
  NS: ['ns1.example.net', 'ns2.example.net'],
};

export const recordFields: fc.Arbitrary<RecordFields> = fc
  .record({
    name: fc.constantFrom(...names),
    type: fc.constantFrom(...Object.keys(contents)),
    pick: fc.nat(),
    ttl: fc.constantFrom(1, 300, 3600),
    proxied: fc.boolean(),
    comment: fc.constantFrom('', 'web', 'owner team'),
    tags: fc.subarray(['env:prod', 'owner:dns', 'team:a b']),
  })
  .map(({ name, type, pick, ttl, proxied, comment, tags }) => {
    const options = contents[type] ?? [''];
    const isProxied = proxiable.has(type) && proxied;
    return {
      name,
      type,
      content: options[pick % options.length] ?? '',
      ttl: isProxied ? 1 : ttl,
      proxied: isProxied,
      comment,
      tags,
    };
  });

/** Drops records until the set satisfies the coexistence rules and has no two records with equal content. */
export function validZone<T extends RecordFields>(records: readonly T[]): T[] {
  const kept: T[] = [];
  for (const record of records) {
    if (record.type === 'NS' && record.name === zone) continue;
    const candidate = [...kept, record];
    const conflicts = coexistenceConflicts(
      candidate.map((entry) => ({ name: entry.name, type: entry.type, match: entry.content })),
      zone,
    );
    if (conflicts.length === 0) kept.push(record);
  }
  return kept;
}

/** A comparable view of a record set, ignoring ids and order. */
export function canonical(records: readonly RecordFields[]): string[] {
  return records
    .map((record) => {
      const sync = toSync(record);
      return JSON.stringify([sync.name, sync.type, sync.match, sync.ttl, sync.proxied, sync.comment, sync.tags]);
    })
    .sort();
}
