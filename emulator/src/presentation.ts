import type { RecordData } from './model';

/** Quotes a character-string for zone-file presentation, escaping `"` and `\`. */
export function quote(text: string): string {
  return `"${text.replace(/[\\"]/g, (character) => `\\${character}`)}"`;
}

/**
 * The `content` Cloudflare shows for a data type: the rdata in zone-file order, domain names without the trailing
 * dot (as in CNAME content). URI's priority is a top-level field and is not part of it.
 */
export function formatData(type: string, data: RecordData): string {
  const field = (name: string): string => String(data[name] ?? '');
  switch (type) {
    case 'CAA':
      return `${field('flags')} ${field('tag')} ${quote(field('value'))}`;
    case 'CERT':
      return `${field('type')} ${field('key_tag')} ${field('algorithm')} ${field('certificate')}`;
    case 'DNSKEY':
      return `${field('flags')} ${field('protocol')} ${field('algorithm')} ${field('public_key')}`;
    case 'DS':
      return `${field('key_tag')} ${field('algorithm')} ${field('digest_type')} ${field('digest')}`;
    case 'HTTPS':
    case 'SVCB':
      return `${field('priority')} ${field('target')} ${field('value')}`.trimEnd();
    case 'LOC':
      return [
        field('lat_degrees'),
        field('lat_minutes'),
        field('lat_seconds'),
        field('lat_direction'),
        field('long_degrees'),
        field('long_minutes'),
        field('long_seconds'),
        field('long_direction'),
        `${field('altitude')}m`,
        `${field('size')}m`,
        `${field('precision_horz')}m`,
        `${field('precision_vert')}m`,
      ].join(' ');
    case 'NAPTR':
      return `${field('order')} ${field('preference')} ${quote(field('flags'))} ${quote(field('service'))} ${quote(field('regex'))} ${field('replacement')}`;
    case 'SMIMEA':
    case 'TLSA':
      return `${field('usage')} ${field('selector')} ${field('matching_type')} ${field('certificate')}`;
    case 'SRV':
      return `${field('priority')} ${field('weight')} ${field('port')} ${field('target')}`;
    case 'SSHFP':
      return `${field('algorithm')} ${field('type')} ${field('fingerprint')}`;
    case 'URI':
      return `${field('weight')} ${quote(field('target'))}`;
    default:
      return Object.values(data).map(String).join(' ');
  }
}
