import { handleBatch } from './batch';
import { handleExport } from './export';
import { handleImport } from './import';
import { handleList } from './list';
import { handleCreate, handleDelete, handleDetails, handleOverwrite, handlePatch, handleUsage } from './records-routes';
import type { Route } from './router';
import { handleScan, handleScanList, handleScanReview, handleScanTrigger } from './scan';
import { handleTokenVerify, handleZoneDetails, handleZonesList } from './zones-routes';

const records = '/zones/:zone_id/dns_records';

/** Every operation of ../shared/cloudflare/dns-records.openapi.json, and zone details. */
export const routes: readonly Route[] = [
  { method: 'GET', template: '/zones', handler: handleZonesList, writes: false },
  // Zone details is outside the DNS records spec; python-cloudflare's zones.get(id) and lexicon's --zone-id need it.
  { method: 'GET', template: '/zones/:zone_id', handler: handleZoneDetails, writes: false },
  { method: 'GET', template: '/user/tokens/verify', handler: handleTokenVerify, writes: false },
  { method: 'GET', template: records, handler: handleList, writes: false },
  { method: 'POST', template: records, handler: handleCreate, writes: true },
  { method: 'POST', template: `${records}/batch`, handler: handleBatch, writes: true },
  { method: 'GET', template: `${records}/export`, handler: handleExport, writes: false },
  { method: 'POST', template: `${records}/import`, handler: handleImport, writes: true, ownRateLimit: 'import' },
  { method: 'POST', template: `${records}/scan`, handler: handleScan, writes: true },
  { method: 'POST', template: `${records}/scan/trigger`, handler: handleScanTrigger, writes: true },
  { method: 'GET', template: `${records}/scan/review`, handler: handleScanList, writes: false },
  { method: 'POST', template: `${records}/scan/review`, handler: handleScanReview, writes: true },
  { method: 'GET', template: `${records}/usage`, handler: handleUsage, writes: false },
  { method: 'GET', template: `${records}/:dns_record_id`, handler: handleDetails, writes: false },
  { method: 'PUT', template: `${records}/:dns_record_id`, handler: handleOverwrite, writes: true },
  { method: 'PATCH', template: `${records}/:dns_record_id`, handler: handlePatch, writes: true },
  { method: 'DELETE', template: `${records}/:dns_record_id`, handler: handleDelete, writes: true },
];
