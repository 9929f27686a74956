import { zoneOf, type RequestContext } from './context';
import { collection, success, type ApiResponse } from './envelope';
import { apiErrors } from './errors';
import { choice } from './filters';
import { clampedIntegerParameter, integerParameter } from './list';
import { planDescription } from './plans';
import type { Zone } from './zones';

const account = { id: '0123456789abcdef0123456789abcdef', name: 'Zone Records emulator account' };

/** GET /zones: the zones the token can see, with the name/status/account filters, order and paging (semantics.md §13). */
export function handleZonesList(context: RequestContext): ApiResponse {
  const { query } = context;
  const page = integerParameter(query, 'page', 1, 1, Number.MAX_SAFE_INTEGER);
  const perPage = clampedIntegerParameter(query, 'per_page', 20, 5, 50);
  const order = choice(query, 'order', ['name', 'status', 'account.id', 'account.name', 'plan.id'], 'name');
  const direction = choice(query, 'direction', ['asc', 'desc'], 'asc');
  const match = choice(query, 'match', ['all', 'any'], 'all');
  const conditions: ((zone: Zone) => boolean)[] = [];
  const name = query.get('name');
  if (name !== null) {
    const matches = nameCondition(name);
    conditions.push((zone) => matches(zone.info.name));
  }
  const accountId = query.get('account.id');
  if (accountId !== null) conditions.push(() => accountId === account.id);
  const accountName = query.get('account.name');
  if (accountName !== null) conditions.push(() => nameCondition(accountName)(account.name));
  const status = query.get('status');
  if (status !== null) conditions.push(() => status === 'active');
  const zones = context.zones
    .all()
    .filter((zone) =>
      conditions.length === 0
        ? true
        : match === 'all'
          ? conditions.every((condition) => condition(zone))
          : conditions.some((condition) => condition(zone)),
    );
  const key = (zone: Zone): string => (order === 'plan.id' ? zone.info.plan : zone.info.name);
  zones.sort((a, b) => (direction === 'asc' ? 1 : -1) * (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const start = (page - 1) * perPage;
  const items = zones.slice(start, start + perPage);
  return collection(items.map(zoneResponse), {
    page,
    per_page: perPage,
    count: items.length,
    total_count: zones.length,
    total_pages: Math.ceil(zones.length / perPage),
  });
}

/** GET /zones/:zone_id: one zone with the fields of the zones list; an unknown id cannot be routed (7003, GUESS). */
export function handleZoneDetails(context: RequestContext): ApiResponse {
  return success(zoneResponse(zoneOf(context)));
}

/** GET /user/tokens/verify */
export function handleTokenVerify(context: RequestContext): ApiResponse {
  return success({ id: context.tokenId, status: 'active' }, [
    { code: 10000, message: 'This API Token is valid and active' },
  ]);
}

/** `example.com`, or with an operator: `contains:.org`, `starts_with:ex`, `not_equal:...`, `*_case_sensitive`. */
function nameCondition(filter: string): (actual: string) => boolean {
  const colon = filter.indexOf(':');
  const operator = colon < 0 ? 'equal' : filter.slice(0, colon);
  const caseSensitive = operator.endsWith('_case_sensitive');
  const fold = (text: string): string => (caseSensitive ? text : text.toLowerCase());
  const value = fold(colon < 0 ? filter : filter.slice(colon + 1));
  switch (operator.replace(/_case_sensitive$/, '')) {
    case 'equal':
      return (actual) => fold(actual) === value;
    case 'not_equal':
      return (actual) => fold(actual) !== value;
    case 'starts_with':
      return (actual) => fold(actual).startsWith(value);
    case 'ends_with':
      return (actual) => fold(actual).endsWith(value);
    case 'contains':
      return (actual) => fold(actual).includes(value);
    default:
      throw apiErrors.invalidParameter('name', `unknown operator '${operator}'`);
  }
}

function zoneResponse(zone: Zone): Record<string, unknown> {
  const { info } = zone;
  return {
    id: info.id,
    name: info.name,
    status: 'active',
    paused: false,
    type: 'full',
    development_mode: 0,
    name_servers: ['ada.ns.cloudflare.com', 'bob.ns.cloudflare.com'],
    original_name_servers: null,
    original_registrar: null,
    original_dnshost: null,
    created_on: info.created_on,
    modified_on: info.created_on,
    activated_on: info.created_on,
    meta: { step: 4, custom_certificate_quota: 0, page_rule_quota: 3, phishing_detected: false },
    owner: { id: account.id, type: 'user', name: account.name },
    account,
    permissions: ['#dns_records:edit', '#dns_records:read', '#zone:read'],
    plan: planDescription(info.plan),
  };
}
