/** SOA (RFC 1035 section 3.3.13): names, the 32-bit serial and four timers that accept TTL units. */
import type { Token } from '../types';
import { checkHostname, checkMailbox } from './hostnames';
import { RdataReader } from './reader';
import type { RdataParser } from './types';

const UNIT_SECONDS: Readonly<Record<string, number>> = { w: 604800, d: 86400, h: 3600, m: 60, s: 1 };
const MAX_U32 = 0xffffffff;

/** Seconds of a TTL written as a number or with BIND units (`1w2d3h4m5s`), or undefined when malformed. */
export function parseTtlText(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  if (!/^(?:\d+[wdhmsWDHMS])+$/.test(text)) return undefined;
  let total = 0;
  for (const match of text.matchAll(/(\d+)([wdhmsWDHMS])/g)) {
    total += Number(match[1]) * (UNIT_SECONDS[(match[2] ?? 's').toLowerCase()] ?? 1);
  }
  return total;
}

function readTimer(reader: RdataReader, name: string): void {
  const token: Token | undefined = reader.take(name);
  if (!token) return;
  const seconds = token.kind === 'word' ? parseTtlText(token.text) : undefined;
  reader.tokenField(name, seconds === undefined ? token.text : String(seconds), token);
  if (seconds === undefined || seconds > MAX_U32) {
    reader.report(
      'bad-ttl-field',
      `SOA ${name} must be a number of seconds up to 4294967295 or a duration such as 1h30m, not "${token.text}".`,
      token.range,
    );
  }
}

export const parseSoa: RdataParser = (tokens, context) => {
  const reader = new RdataReader(tokens, context, 'SOA');
  const mnameToken = reader.peek();
  checkHostname(reader, mnameToken, reader.name('mname'), 'mname');
  const rnameToken = reader.peek();
  const rname = reader.name('rname');
  // A mailbox is written with its first "@" as a dot: hostmaster@example.com is hostmaster.example.com.
  if (rnameToken !== undefined && rnameToken.text !== '@' && /^[^\\]*@/.test(rnameToken.text)) {
    const suggestion = rnameToken.text.replace('@', '.');
    reader.report(
      'bad-rname',
      `SOA rname "${rnameToken.text}" contains "@": a mailbox is written with a dot instead (${suggestion}).`,
      rnameToken.range,
      'warning',
    );
  } else checkMailbox(reader, rnameToken, rname, 'rname');
  reader.integer('serial', MAX_U32);
  readTimer(reader, 'refresh');
  readTimer(reader, 'retry');
  readTimer(reader, 'expire');
  readTimer(reader, 'minimum');
  reader.end();
  return reader.result();
};
