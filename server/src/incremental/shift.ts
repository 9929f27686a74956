import type { Directive, Position, Range, RdataField, Token, ZoneRecord } from '../../../core/src/index';

/**
 * Views of parsed items moved down (or up) the document by whole lines: what an edit above them does. Parsed
 * items are reused after an edit instead of being parsed again; these wrappers give them their current positions
 * when they must be compared with freshly parsed ones (in an incremental lint).
 */
export interface Shift {
  readonly lines: number;
  readonly offset: number;
}

export const noShift: Shift = { lines: 0, offset: 0 };

export function isNoShift(shift: Shift): boolean {
  return shift.lines === 0 && shift.offset === 0;
}

export function shiftPosition(position: Position, shift: Shift): Position {
  return { line: position.line + shift.lines, character: position.character, offset: position.offset + shift.offset };
}

export function shiftRange(range: Range, shift: Shift): Range {
  return { start: shiftPosition(range.start, shift), end: shiftPosition(range.end, shift) };
}

function shiftOptional(range: Range | undefined, shift: Shift): Range | undefined {
  return range === undefined ? undefined : shiftRange(range, shift);
}

class ShiftedToken implements Token {
  constructor(
    private readonly token: Token,
    private readonly shift: Shift,
  ) {}

  get kind(): Token['kind'] {
    return this.token.kind;
  }

  get text(): string {
    return this.token.text;
  }

  get range(): Range {
    return shiftRange(this.token.range, this.shift);
  }
}

export function shiftToken(token: Token, shift: Shift): Token {
  return isNoShift(shift) ? token : new ShiftedToken(token, shift);
}

class ShiftedField implements RdataField {
  constructor(
    private readonly field: RdataField,
    private readonly shift: Shift,
  ) {}

  get name(): string {
    return this.field.name;
  }

  get value(): string {
    return this.field.value;
  }

  get range(): Range {
    return shiftRange(this.field.range, this.shift);
  }
}

class ShiftedRecord implements ZoneRecord {
  // Made on first read and kept: the rules read a record's rdata and fields several times each.
  private shiftedRdata: readonly Token[] | undefined;
  private shiftedFields: readonly RdataField[] | undefined;

  constructor(
    private readonly record: ZoneRecord,
    private readonly shift: Shift,
  ) {}

  get owner(): string {
    return this.record.owner;
  }
  get ownerKey(): string {
    return this.record.ownerKey;
  }
  get ownerRange(): Range | undefined {
    return shiftOptional(this.record.ownerRange, this.shift);
  }
  get ttl(): number {
    return this.record.ttl;
  }
  get ttlRange(): Range | undefined {
    return shiftOptional(this.record.ttlRange, this.shift);
  }
  get class(): string {
    return this.record.class;
  }
  get classRange(): Range | undefined {
    return shiftOptional(this.record.classRange, this.shift);
  }
  get type(): string {
    return this.record.type;
  }
  get typeRange(): Range {
    return shiftRange(this.record.typeRange, this.shift);
  }
  get rdata(): readonly Token[] {
    this.shiftedRdata ??= this.record.rdata.map((token) => shiftToken(token, this.shift));
    return this.shiftedRdata;
  }
  get fields(): readonly RdataField[] {
    this.shiftedFields ??= this.record.fields.map((field) => new ShiftedField(field, this.shift));
    return this.shiftedFields;
  }
  get generic(): boolean {
    return this.record.generic;
  }
  get range(): Range {
    return shiftRange(this.record.range, this.shift);
  }
  get comment(): Token | undefined {
    return this.record.comment === undefined ? undefined : shiftToken(this.record.comment, this.shift);
  }
  get file(): string | undefined {
    return this.record.file;
  }
  get generated(): boolean {
    return this.record.generated;
  }
}

/** The record as it is after `shift`; records of `$INCLUDE`d files are in another file and never move. */
export function shiftRecord(record: ZoneRecord, shift: Shift): ZoneRecord {
  return isNoShift(shift) || record.file !== undefined ? record : new ShiftedRecord(record, shift);
}

export function shiftDirective(directive: Directive, shift: Shift): Directive {
  if (isNoShift(shift) || directive.file !== undefined) return directive;
  return {
    name: directive.name,
    nameRange: shiftRange(directive.nameRange, shift),
    arguments: directive.arguments.map((token) => shiftToken(token, shift)),
    range: shiftRange(directive.range, shift),
    file: directive.file,
  };
}
