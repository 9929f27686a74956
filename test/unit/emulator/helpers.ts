import { canonicalContent, type CloudflareApiRecord } from '../../../core/src/index';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../../emulator/src/index';

/** A parsed answer of the emulator. */
export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  /** The JSON envelope (or the text of a text/plain answer). */
  readonly body: Envelope;
  readonly text: string;
}

export interface Envelope {
  readonly success: boolean;
  readonly errors: { code: number; message: string; error_chain?: { code: number; message: string }[] }[];
  readonly messages: { code: number; message: string }[];
  // Tests read result fields freely; each test asserts the shape it relies on.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly result: any;
  readonly result_info?: { page: number; per_page: number; count: number; total_count: number; total_pages: number };
}

/** A client for one emulator: `call('POST', '/zones/<id>/dns_records', body)` with the emulator's token. */
export interface TestApi {
  readonly emulator: RunningEmulator;
  readonly zoneId: string;
  /** `/zones/<zone id>/dns_records` */
  readonly records: string;
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
  create(record: Record<string, unknown>): Promise<Answer>;
}

export async function startTestApi(options: EmulatorOptions = {}): Promise<TestApi> {
  const emulator = await startEmulator({ token: 'test-token', ...options });
  const zoneId = emulator.zones[0]?.id ?? '';
  const records = `/zones/${zoneId}/dns_records`;
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> => {
    const response = await fetch(`${emulator.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${emulator.token}`,
        ...(body !== undefined && typeof body !== 'string' ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    const isJson = response.headers.get('content-type')?.startsWith('application/json') === true;
    return {
      status: response.status,
      headers: response.headers,
      text,
      body: (isJson ? JSON.parse(text) : text) as Envelope,
    };
  };
  return {
    emulator,
    zoneId,
    records,
    call,
    create: (record) => call('POST', records, { ttl: 1, ...record }),
  };
}

/** The first error code of a failure envelope. */
export function errorCode(answer: Answer): number | undefined {
  return answer.body.errors[0]?.code;
}

/** POSTs a zone file to the import endpoint as multipart/form-data, as Cloudflare's dashboard and SDK do. */
export async function importZone(api: TestApi, zoneFile: string, proxied?: string): Promise<Answer> {
  const form = new FormData();
  form.append('file', new Blob([zoneFile], { type: 'text/plain' }), 'zone.txt');
  if (proxied !== undefined) form.append('proxied', proxied);
  const response = await fetch(`${api.emulator.url}/zones/${api.zoneId}/dns_records/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${api.emulator.token}` },
    body: form,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: JSON.parse(text) as Answer['body'] };
}

/**
 * Every record of the zone as one comparable line (ids and timestamps left out). With `canonical`, content is in the
 * zone core's canonical form: TXT is stored as sent, so `hi` sent to the API and `"hi"` read from a zone file are
 * the same record in two spellings.
 */
export function recordLines(api: TestApi, options: { canonical?: boolean } = {}): string[] {
  return api.emulator
    .records(api.zoneId)
    .map((record) =>
      JSON.stringify([
        record['name'],
        record['type'],
        options.canonical === true ? canonicalContent(record as unknown as CloudflareApiRecord) : record['content'],
        record['data'] ?? null,
        record['priority'] ?? null,
        record['ttl'],
        record['proxied'],
        record['comment'] ?? null,
        record['tags'],
        record['settings'],
      ]),
    )
    .sort();
}
