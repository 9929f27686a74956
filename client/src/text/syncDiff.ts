import {
  formatRecordLine,
  formatSummary,
  type Plan,
  summarizePlan,
  type SyncRecord,
} from '../../../cloudflare/src/index';

/**
 * The two sides of the sync diff as zone-file text in one normalised form (absolute names, the API's TTLs,
 * comments and tags as `cf_tags`), sorted, so every changed line is exactly one create, update or delete.
 * Records the sync leaves alone (SOA, Cloudflare's apex NS, read-only records) are on neither side.
 */
export function syncDiffTexts(
  zone: string,
  plan: Plan,
  live: readonly SyncRecord[],
  local: readonly SyncRecord[],
): { live: string; local: string } {
  const leftAlone = new Set(plan.skipped.map((skip) => `${skip.side} ${skip.name} ${skip.type} ${skip.display}`));
  const lines = (side: 'live' | 'local', records: readonly SyncRecord[]): string =>
    records
      .filter((record) => !leftAlone.has(`${side} ${record.name} ${record.type} ${record.display}`))
      .map(formatRecordLine)
      .sort(compareLines)
      .map((line) => `${line}\n`)
      .join('');
  // The same header on both sides keeps the first line out of the diff.
  const header = `; ${zone}: ${formatSummary(summarizePlan(plan))}\n`;
  return { live: `${header}${lines('live', live)}`, local: `${header}${lines('local', local)}` };
}

function compareLines(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
