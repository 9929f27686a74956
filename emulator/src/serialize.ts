import { isProxiable, type StoredRecord } from './model';

/** A stored record as the API returns it (`dns-records_dns-record-response`). */
export function recordResponse(record: StoredRecord): Record<string, unknown> {
  return {
    id: record.id,
    name: record.name,
    type: record.type,
    content: record.content,
    ...(record.data !== undefined ? { data: { ...record.data } } : {}),
    ...(record.priority !== undefined ? { priority: record.priority } : {}),
    proxiable: isProxiable(record.type),
    proxied: record.proxied,
    ttl: record.ttl,
    settings: { ...record.settings },
    meta: {},
    ...(record.comment !== undefined ? { comment: record.comment } : {}),
    tags: [...record.tags],
    ...(record.private_routing !== undefined ? { private_routing: record.private_routing } : {}),
    created_on: record.created_on,
    modified_on: record.modified_on,
    ...(record.comment_modified_on !== undefined ? { comment_modified_on: record.comment_modified_on } : {}),
    ...(record.tags_modified_on !== undefined ? { tags_modified_on: record.tags_modified_on } : {}),
  };
}
