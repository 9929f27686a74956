/** RFC 3597 generic rdata (`\# length hex`) and the fallback for known types without a dedicated parser. */
import { readHex } from './encodings';
import { checkWireForm } from './wire';
import { RdataReader } from './reader';
import { MAX_SENDABLE_RDATA } from './strings';
import type { RdataParser, RecordTypeInfo } from './types';

/** Types whose trailing fields are optional: how many fields they need at least. */
const MIN_FIELDS: Readonly<Record<string, number>> = { APL: 0, ISDN: 1, HIP: 3 };

/** Wire lengths that are fixed for a type, so that `\# len` can be checked against them. */
const FIXED_LENGTH: Readonly<Record<string, number>> = { A: 4, AAAA: 16, EUI48: 6, EUI64: 8 };

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
    if (declared > MAX_SENDABLE_RDATA) {
      reader.report(
        'bad-generic-rdata',
        `The generic rdata declares ${declared} octets; at most ${MAX_SENDABLE_RDATA} fit in a DNS message with the record's header.`,
        lengthToken.range,
      );
    }
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
