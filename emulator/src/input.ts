import { apiErrors, ApiError } from './errors';
import { isProxiable, isSupportedType, type RecordSettings, type StoredRecord, type ZoneInfo } from './model';
import { normaliseRecordName } from './names';
import { planLimits } from './plans';
import { validateContent } from './validate';

/** How a request body becomes a record: POST creates, PUT overwrites (defaults for what is left out), PATCH merges. */
export type WriteMode = 'create' | 'put' | 'patch';

export interface WriteContext {
  readonly zone: ZoneInfo;
  /** ISO timestamp of the request. */
  readonly now: string;
  /** The id for a new record. */
  readonly id: string;
}

/** Comment length limits by plan: GUESS (semantics.md §7: the plan feature table is not public). */
const maxCommentLength = { free: 100, paid: 500 } as const;
const tagNamePattern = /^[A-Za-z0-9_-]+$/;

/**
 * Turns a request body into the record to store, validating every field. `existing` is the record being
 * overwritten or patched (undefined on create). Returns an ApiError instead of throwing so batch can stop cleanly.
 */
export function buildRecord(
  body: unknown,
  mode: WriteMode,
  context: WriteContext,
  existing?: StoredRecord,
): StoredRecord | ApiError {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return apiErrors.invalidBody('expected a JSON object describing the record');
  }
  const input = body as Record<string, unknown>;
  const merged: Record<string, unknown> = mode === 'patch' && existing !== undefined ? asInput(existing, input) : input;

  const type = typeof merged['type'] === 'string' ? merged['type'].toUpperCase() : undefined;
  if (type === undefined) return apiErrors.validation('type is required');
  if (!isSupportedType(type)) return apiErrors.invalidType(String(merged['type']));

  if (typeof merged['name'] !== 'string') return apiErrors.validation('name is required and must be a string');
  const named = normaliseRecordName(merged['name'], context.zone.name);
  if ('error' in named) return apiErrors.invalidName(named.error);
  const name = named.name;

  const proxied = merged['proxied'] ?? false;
  if (typeof proxied !== 'boolean') return apiErrors.validation('proxied must be true or false');
  if (proxied && !isProxiable(type)) return apiErrors.notProxiable();

  const ttl = checkTtl(merged['ttl'], context.zone);
  if (ttl instanceof ApiError) return ttl;

  const priority = checkPriority(type, merged['priority']);
  if (priority instanceof ApiError) return priority;

  const content = validateContent(type, name, merged['content'], merged['data'], priority);
  if (content instanceof ApiError) return content;

  const comment = checkComment(merged['comment'], context.zone);
  if (comment instanceof ApiError) return comment;
  const tags = checkTags(merged['tags'], context.zone);
  if (tags instanceof ApiError) return tags;
  const settings = checkSettings(merged['settings'], type, context.zone);
  if (settings instanceof ApiError) return settings;

  const privateRouting = merged['private_routing'];
  if (privateRouting !== undefined && typeof privateRouting !== 'boolean') {
    return apiErrors.validation('private_routing must be true or false');
  }

  const now = context.now;
  const commentChanged = comment !== existing?.comment;
  const tagsChanged = tags.join('\n') !== (existing?.tags ?? []).join('\n');
  const record: StoredRecord = {
    id: existing?.id ?? context.id,
    type,
    name,
    content: content.content,
    ...(content.data !== undefined ? { data: content.data } : {}),
    ...(priority !== undefined ? { priority } : {}),
    // Proxied records are served with Cloudflare's automatic TTL (semantics.md §7, GUESS that the API reports 1).
    ttl: proxied ? 1 : ttl,
    proxied,
    ...(comment !== undefined ? { comment } : {}),
    tags,
    settings,
    ...((type === 'A' || type === 'AAAA') && privateRouting === true ? { private_routing: true } : {}),
    created_on: existing?.created_on ?? now,
    modified_on: now,
  };
  const commentModified = commentChanged ? now : existing?.comment_modified_on;
  const tagsModified = tagsChanged ? now : existing?.tags_modified_on;
  return {
    ...record,
    ...(comment !== undefined && commentModified !== undefined ? { comment_modified_on: commentModified } : {}),
    ...(tags.length > 0 && tagsModified !== undefined ? { tags_modified_on: tagsModified } : {}),
  };
}

/** The request-shaped view of a stored record with a patch laid over it. */
function asInput(existing: StoredRecord, patch: Record<string, unknown>): Record<string, unknown> {
  const base: Record<string, unknown> = {
    type: existing.type,
    name: existing.name,
    content: existing.content,
    data: existing.data,
    priority: existing.priority,
    ttl: existing.ttl,
    proxied: existing.proxied,
    comment: existing.comment,
    tags: existing.tags,
    settings: existing.settings,
    private_routing: existing.private_routing,
  };
  const merged = { ...base, ...patch };
  const newType = patch['type'];
  const typeChanged = typeof newType === 'string' && newType.toUpperCase() !== existing.type;
  if (typeChanged) {
    // A new type with new rdata must not inherit the old type's data or content.
    if (patch['content'] === undefined) delete merged['content'];
    if (patch['data'] === undefined) delete merged['data'];
  } else if (isObject(patch['data']) && existing.data !== undefined) {
    // A partial `data` object changes only the fields it names, like the rest of a PATCH.
    merged['data'] = { ...existing.data, ...patch['data'] };
  }
  return merged;
}

function checkTtl(value: unknown, zone: ZoneInfo): number | ApiError {
  const minimum = planLimits(zone.plan).minimumTtl;
  if (value === undefined || value === null) return 1;
  if (typeof value !== 'number' || !Number.isInteger(value)) return apiErrors.invalidTtl(minimum);
  if (value === 1 || (value >= minimum && value <= 86400)) return value;
  return apiErrors.invalidTtl(minimum);
}

function checkPriority(type: string, value: unknown): number | undefined | ApiError {
  if (type !== 'MX' && type !== 'URI') return undefined;
  if (value === undefined || value === null) return apiErrors.validation(`priority is required for ${type} records`);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 65535) {
    return apiErrors.validation('priority must be an integer from 0 to 65535');
  }
  return value;
}

function checkComment(value: unknown, zone: ZoneInfo): string | undefined | ApiError {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') return apiErrors.validation('comment must be a string');
  if (/[\r\n]/.test(value)) return apiErrors.validation('comment must not contain line breaks');
  const limit = zone.plan === 'free' ? maxCommentLength.free : maxCommentLength.paid;
  if ([...value].length > limit) return apiErrors.commentTooLong(limit);
  return value;
}

function checkTags(value: unknown, zone: ZoneInfo): string[] | ApiError {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return apiErrors.validation('tags must be an array of "name:value" strings');
  const tags = new Set<string>();
  for (const tag of value) {
    if (typeof tag !== 'string') return apiErrors.validation('tags must be an array of "name:value" strings');
    const colon = tag.indexOf(':');
    const tagName = colon < 0 ? tag : tag.slice(0, colon);
    const tagValue = colon < 0 ? '' : tag.slice(colon + 1);
    if (!tagNamePattern.test(tagName)) {
      return apiErrors.validation(`tag '${tag}': a tag name has only letters, digits, '-' and '_'`);
    }
    if (/[\r\n]/.test(tagValue))
      return apiErrors.validation(`tag '${tagName}': a tag value must not contain line breaks`);
    tags.add(`${tagName.toLowerCase()}:${tagValue}`);
  }
  // Record tags are not available on the Free plan (DOCS:attrs; Cloudflare staff in favonia/cloudflare-ddns#849).
  if (zone.plan === 'free' && tags.size > 0) return apiErrors.tagsQuotaExceeded(tags.size, 0);
  return [...tags].sort();
}

function checkSettings(value: unknown, type: string, zone: ZoneInfo): RecordSettings | ApiError {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) return apiErrors.validation('settings must be an object');
  const source = value as Record<string, unknown>;
  const settings: { -readonly [K in keyof RecordSettings]: RecordSettings[K] } = {};
  for (const key of ['ipv4_only', 'ipv6_only', 'flatten_cname'] as const) {
    const setting = source[key];
    if (setting === undefined) continue;
    if (typeof setting !== 'boolean') return apiErrors.validation(`settings.${key} must be true or false`);
    if (key === 'flatten_cname' && type !== 'CNAME') continue;
    // Per-record CNAME flattening is a paid-plan feature (semantics.md §7, DOCS:flatten).
    if (key === 'flatten_cname' && setting && zone.plan === 'free') {
      return apiErrors.validation('settings.flatten_cname is available on paid plans only');
    }
    if (setting) settings[key] = true;
  }
  return settings;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
