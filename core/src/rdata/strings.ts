/** Types made of character-strings: TXT, SPF, HINFO, URI and NAPTR. */
import { RdataReader } from './reader';
import type { RdataParser } from './types';

/**
 * The most rdata one record can carry and still be sent: a DNS message is at most 65535 octets (RFC 1035 4.2.2, the
 * TCP length prefix), of which the header takes 12 and the record itself at least 11 (the root name as its owner,
 * then type, class, TTL and RDLENGTH). BIND refuses longer rdata with the same bound (DNS_RDATA_MAXLENGTH).
 */
export const MAX_SENDABLE_RDATA = 0xffff - 12 - 1 - 10;

/** TXT and SPF: one or more character-strings, each at most 255 octets after unescaping. */
export function textStrings(type: string): RdataParser {
  return (tokens, context) => {
    const reader = new RdataReader(tokens, context, type);
    if (tokens.length === 0) reader.missing('text');
    let wireLength = 0;
    for (const token of reader.takeRest()) wireLength += 1 + reader.characterStringFrom(token, 'text').length;
    const first = tokens[0];
    const last = tokens[tokens.length - 1];
    if (wireLength > MAX_SENDABLE_RDATA && first && last) {
      const message = `${type} rdata is ${wireLength} octets; at most ${MAX_SENDABLE_RDATA} fit in a DNS message with the record's header: shorten the text.`;
      reader.report('bad-rdata', message, {
        start: first.range.start,
        end: last.range.end,
      });
    }
    return reader.result();
  };
}

export const parseTxt = textStrings('TXT');
export const parseSpf = textStrings('SPF');

export const parseHinfo: RdataParser = (tokens, context) => {
  const reader = new RdataReader(tokens, context, 'HINFO');
  reader.characterString('cpu');
  reader.characterString('os');
  reader.end();
  return reader.result();
};

const URI_SHAPE = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;

/** URI (RFC 7553): priority, weight and a target URI written as one character-string. */
export const parseUri: RdataParser = (tokens, context) => {
  const reader = new RdataReader(tokens, context, 'URI');
  reader.integer('priority', 0xffff);
  reader.integer('weight', 0xffff);
  const token = reader.peek();
  // The target has no 255-octet limit: it is the rest of the rdata, not a length-prefixed string.
  const target = reader.characterString('target', Number.MAX_SAFE_INTEGER);
  if (token && target && !target.error && !URI_SHAPE.test(target.value)) {
    reader.report(
      'bad-uri',
      target.value === '' ? 'URI target is empty.' : `URI target "${target.value}" is not a URI (scheme:rest).`,
      token.range,
      // named, Knot and NSD load any target; the clients that follow it are the ones that fail.
      'warning',
    );
  }
  reader.end();
  return reader.result();
};

/** NAPTR (RFC 3403): order, preference, flags, services, regexp and replacement. */
export const parseNaptr: RdataParser = (tokens, context) => {
  const reader = new RdataReader(tokens, context, 'NAPTR');
  reader.integer('order', 0xffff);
  reader.integer('preference', 0xffff);
  const flagsToken = reader.peek();
  const flags = reader.characterString('flags');
  if (flagsToken && flags && !flags.error && !/^[A-Za-z0-9]*$/.test(flags.value)) {
    // A warning: named, Knot and NSD load any flags; resolvers ignore a record whose flags they cannot read.
    reader.report(
      'bad-naptr',
      `NAPTR flags "${flags.value}" may contain only letters and digits.`,
      flagsToken.range,
      'warning',
    );
  }
  reader.characterString('service');
  reader.characterString('regex');
  reader.name('replacement');
  reader.end();
  return reader.result();
};
