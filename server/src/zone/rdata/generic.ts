/** RFC 3597 generic rdata (`\# length hex`) and the fallback for known types without a dedicated parser. */
import { readHex } from './encodings';
import { RdataReader } from './reader';
import type { RdataParser, RecordTypeInfo } from './types';

/** Types whose trailing fields are optional: how many fields they need at least. */
const MIN_FIELDS: Readonly<Record<string, number>> = { APL: 0, ISDN: 1, HIP: 3 };

/** Wire lengths that are fixed for a type, so that `\# len` can be checked against them. */
const FIXED_LENGTH: Readonly<Record<string, number>> = { A: 4, AAAA: 16, EUI48: 6, EUI64: 8 };

type WirePart = 'name' | 'u16' | 'u32' | 'string' | 'strings';

/** Wire layouts of common types, to check generic rdata of a known type (RFC 3597 section 5). */
const WIRE_LAYOUT: Readonly<Partial<Record<string, readonly WirePart[]>>> = {
  NS: ['name'],
  CNAME: ['name'],
  PTR: ['name'],
  DNAME: ['name'],
  MX: ['u16', 'name'],
  KX: ['u16', 'name'],
  AFSDB: ['u16', 'name'],
  SRV: ['u16', 'u16', 'u16', 'name'],
  SOA: ['name', 'name', 'u32', 'u32', 'u32', 'u32', 'u32'],
  TXT: ['strings'],
  SPF: ['strings'],
  HINFO: ['string', 'string'],
};

/** Why hex data does not have the wire layout of `type`, or undefined when it does (or the layout is not known). */
function checkWireForm(type: string, hex: string): string | undefined {
  const layout = WIRE_LAYOUT[type];
  if (!layout) return undefined;
  const bytes = Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
  let at = 0;
  for (const part of layout) {
    switch (part) {
      case 'u16':
      case 'u32':
        at += part === 'u16' ? 2 : 4;
        if (at > bytes.length) return 'it ends too early';
        break;
      case 'name': {
        let length = 1;
        for (;;) {
          const label = bytes[at];
          if (label === undefined) return 'a domain name runs past the end';
          if (label & 0xc0) return 'a domain name uses compression, which zone data may not';
          at += 1 + label;
          length += label + 1;
          if (length > 256) return 'a domain name is longer than 255 octets';
          if (label === 0) break;
        }
        if (at > bytes.length) return 'a domain name runs past the end';
        break;
      }
      case 'string':
      case 'strings':
        do {
          const size = bytes[at];
          if (size === undefined) return 'a character-string is missing';
          at += 1 + size;
          if (at > bytes.length) return 'a character-string runs past the end';
        } while (part === 'strings' && at < bytes.length);
        break;
    }
  }
  return at === bytes.length ? undefined : `${bytes.length - at} octets are left over`;
}

/** Parses `\# length hex...`; `type` names the record in messages. */
export function parseGenericRdata(type: string): RdataParser {
  return (tokens, context) => {
    const reader = new RdataReader(tokens, context, type);
    reader.take('\\#');
    const lengthToken = reader.peek();
    const declared = reader.integer('length', 0xffff);
    const hexStart = reader.peek();
    const actual = readHex(reader, 'data', {}) ?? undefined;
    if (declared === undefined || lengthToken === undefined) return reader.result();
    if (declared === 0 && hexStart === undefined) {
      // `\# 0` is complete: the "missing data" reported by readHex does not apply.
      return {
        fields: reader.result().fields,
        diagnostics: reader.result().diagnostics.filter((d) => d.code !== 'missing-rdata'),
        generic: true,
      };
    }
    if (actual !== undefined && actual !== declared) {
      reader.report(
        'bad-generic-rdata',
        `The generic rdata declares ${declared} octets but its hex data has ${actual}.`,
        lengthToken.range,
      );
    }
    const dataField = reader.result().fields.find((field) => field.name === 'data');
    if (actual === declared && dataField) {
      const problem = checkWireForm(type, dataField.value);
      if (problem)
        reader.report(
          'bad-generic-rdata',
          `The generic ${type} rdata is not valid ${type} data: ${problem}.`,
          dataField.range,
        );
    }
    const fixed = FIXED_LENGTH[type];
    if (fixed !== undefined && declared !== fixed) {
      reader.report(
        'bad-generic-rdata',
        `${type} rdata is always ${fixed} octets, not ${declared}.`,
        lengthToken.range,
      );
    }
    return { ...reader.result(), generic: true };
  };
}

/**
 * The fallback for a known type without its own parser: one token per declared field, the rest going to the last
 * field, and `missing-rdata` when there are fewer tokens than fields.
 */
export function parseByFieldCount(info: RecordTypeInfo): RdataParser {
  return (tokens, context) => {
    const reader = new RdataReader(tokens, context, info.name);
    const names = info.fields.length > 0 ? info.fields : ['data'];
    const required = MIN_FIELDS[info.name] ?? names.length;
    names.forEach((name, index) => {
      if (index >= required && reader.remaining === 0) return;
      const isLast = index === names.length - 1;
      const fieldTokens = isLast ? reader.takeRest() : [reader.peek()].filter((token) => token !== undefined);
      if (!isLast && fieldTokens.length > 0) reader.take(name);
      const first = fieldTokens[0];
      const last = fieldTokens[fieldTokens.length - 1];
      if (!first || !last) {
        if (index === 0 || !reader.hasErrors) reader.missing(name);
        return;
      }
      reader.field(name, fieldTokens.map((token) => token.text).join(' '), {
        start: first.range.start,
        end: last.range.end,
      });
    });
    return reader.result();
  };
}
