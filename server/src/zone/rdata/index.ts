import type { Token } from '../types';
import type { RdataContext, RdataResult, RecordTypeInfo } from './types';

/** Record types the core knows, by upper-case mnemonic. */
export const recordTypes: ReadonlyMap<string, RecordTypeInfo> = new Map();

/** Parses one record's rdata for `type` (a mnemonic or `TYPEnnn`), including RFC 3597 `\# len hex`. */
export function parseRdata(_type: string, _tokens: readonly Token[], _context: RdataContext): RdataResult {
  return { fields: [], diagnostics: [] };
}
