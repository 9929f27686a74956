import { zoneOf, type RequestContext } from './context';
import { success, type ApiResponse } from './envelope';
import { apiErrors, ApiError } from './errors';
import { parseMultipart } from './multipart';
import { importZoneText } from './bind-import';

/** Cloudflare's import limit (semantics.md §10). */
export const maxImportBytes = 262_144;

/**
 * POST /zones/:zone_id/dns_records/import: multipart/form-data with `file` (BIND text) and `proxied`
 * ("true"/"false"). All or nothing: a line Cloudflare would refuse fails the import and nothing is added.
 */
export function handleImport(context: RequestContext): ApiResponse {
  const zone = zoneOf(context);
  const contentType = context.headers['content-type'];
  const parts = parseMultipart(contentType, context.body);
  if (parts === undefined) {
    throw apiErrors.invalidBody('expected multipart/form-data with a "file" part holding the BIND zone file');
  }
  const file = parts.find((part) => part.name === 'file');
  if (file === undefined) throw apiErrors.invalidBody('the "file" part is missing');
  if (file.data.length > maxImportBytes) throw apiErrors.importTooLarge(file.data.length);
  const proxiedText =
    parts
      .find((part) => part.name === 'proxied')
      ?.data.toString('utf8')
      .trim() ?? 'false';
  if (proxiedText !== 'true' && proxiedText !== 'false') {
    throw apiErrors.invalidParameter('proxied', 'expected "true" or "false"');
  }
  const records = zone.records.clone();
  const result = importZoneText(zone, records, file.data.toString('utf8'), proxiedText === 'true', context.now);
  if (result instanceof ApiError) throw result;
  zone.records = records;
  return success({ recs_added: result.added, total_records_parsed: result.parsed });
}
