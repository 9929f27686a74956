import type { ZoneRecord } from '../../server/src/zone/types';
import { dataFieldSpecs } from './data-fields';
import { isSupportedType, usesData } from './model';
import { splitQuotedStrings } from './validate';

/** The API request body for a record read from a zone file (without comment, tags and proxy status). */
export type ZoneRecordBody =
  | {
      readonly type: string;
      readonly name: string;
      readonly ttl: number;
      readonly content?: string;
      readonly data?: Record<string, string | number>;
      readonly priority?: number;
    }
  | { readonly error: string };

/**
 * Maps a parsed zone-file record to the body Cloudflare's API takes. Field values come from the zone core's parsed
 * fields (names absolute, strings unescaped) and fall back to the raw tokens when the core gave no fields.
 */
export function zoneRecordBody(record: ZoneRecord): ZoneRecordBody {
  const type = record.type;
  if (!isSupportedType(type)) return { error: `Cloudflare does not serve ${type} records` };
  if (record.generic) return { error: `${type} in RFC 3597 generic form (\\#) is not accepted by Cloudflare` };
  const values = record.fields.length > 0 ? record.fields.map((field) => field.value) : record.rdata.map(tokenValue);
  const base = { type, name: record.owner, ttl: record.ttl };
  if (!usesData(type)) {
    switch (type) {
      case 'MX':
        return { ...base, priority: Number(values[0]), content: values[1] ?? '' };
      case 'TXT':
        return { ...base, content: record.rdata.map((token) => token.text).join(' ') };
      case 'OPENPGPKEY':
        return { ...base, content: record.rdata.map((token) => token.text).join('') };
      default:
        return { ...base, content: values[0] ?? '' };
    }
  }
  if (type === 'URI') {
    return { ...base, priority: Number(values[0]), data: { weight: Number(values[1]), target: values[2] ?? '' } };
  }
  if (type === 'LOC')
    return locBody(
      base,
      record.rdata.map((token) => token.text),
    );
  const specs = dataFieldSpecs[type] ?? [];
  const data: Record<string, string | number> = {};
  specs.forEach((spec, index) => {
    const last = index === specs.length - 1;
    // The last field of key and certificate types may be split over several tokens (base64 or hex in parentheses).
    const raw = last && spec.kind === 'string' ? joinRest(type, values.slice(index)) : (values[index] ?? '');
    data[spec.name] = spec.kind === 'string' ? raw : Number(raw);
  });
  return { ...base, data };
}

function joinRest(type: string, values: readonly string[]): string {
  return type === 'HTTPS' || type === 'SVCB' ? values.join(' ') : values.join('');
}

function tokenValue(token: { readonly kind: string; readonly text: string }): string {
  if (token.kind !== 'string') return token.text;
  return splitQuotedStrings(token.text)?.[0] ?? token.text;
}

/** LOC: `d [m [s]] N|S d [m [s]] E|W alt[m] [size[m] [hp[m] [vp[m]]]]` (RFC 1876). */
function locBody(base: { type: string; name: string; ttl: number }, tokens: readonly string[]): ZoneRecordBody {
  const rest = [...tokens];
  const coordinate = (directions: readonly string[]): number[] | undefined => {
    const parts: number[] = [];
    while (rest.length > 0 && !directions.includes((rest[0] ?? '').toUpperCase())) parts.push(Number(rest.shift()));
    return parts.length >= 1 && parts.length <= 3 ? parts : undefined;
  };
  const latitude = coordinate(['N', 'S']);
  const latDirection = rest.shift()?.toUpperCase();
  const longitude = coordinate(['E', 'W']);
  const longDirection = rest.shift()?.toUpperCase();
  if (latitude === undefined || longitude === undefined || latDirection === undefined || longDirection === undefined) {
    return { error: 'LOC rdata is not in RFC 1876 form' };
  }
  const meters = rest.map((token) => Number(token.replace(/m$/i, '')));
  return {
    ...base,
    data: {
      lat_degrees: latitude[0] ?? 0,
      lat_minutes: latitude[1] ?? 0,
      lat_seconds: latitude[2] ?? 0,
      lat_direction: latDirection,
      long_degrees: longitude[0] ?? 0,
      long_minutes: longitude[1] ?? 0,
      long_seconds: longitude[2] ?? 0,
      long_direction: longDirection,
      altitude: meters[0] ?? 0,
      size: meters[1] ?? 1,
      precision_horz: meters[2] ?? 10000,
      precision_vert: meters[3] ?? 10,
    },
  };
}
