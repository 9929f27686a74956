import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { toLspRange } from '../convert';
import { relativeName, type ZoneRecord } from '../../../core/src/index';
import type { ZoneView } from '../view';

const typeKinds: Readonly<Record<string, SymbolKind>> = {
  SOA: SymbolKind.Namespace,
  NS: SymbolKind.Module,
  A: SymbolKind.Variable,
  AAAA: SymbolKind.Variable,
  CNAME: SymbolKind.Constant,
  MX: SymbolKind.Event,
  TXT: SymbolKind.String,
  SRV: SymbolKind.Interface,
};

/**
 * The outline: one symbol per run of records at the same owner (as written: a blank owner continues the run),
 * with the records as children, plus `$ORIGIN` and `$INCLUDE` lines.
 */
export function documentSymbols(view: ZoneView): DocumentSymbol[] {
  const symbols: { line: number; symbol: DocumentSymbol }[] = [];
  let group: DocumentSymbol | undefined;
  let groupKey: string | undefined;
  for (const { item: record, lineShift } of view.records()) {
    const child = recordSymbol(record, lineShift);
    if (group !== undefined && groupKey === record.ownerKey) {
      group.children!.push(child);
      group.range = { start: group.range.start, end: child.range.end };
      group.detail = `${group.children!.length} records`;
      continue;
    }
    const ownerRange = toLspRange(record.ownerRange ?? record.range, lineShift);
    group = {
      name: relativeName(record.owner, view.origin),
      detail: '1 record',
      kind: SymbolKind.Field,
      range: child.range,
      selectionRange: record.ownerRange === undefined ? child.selectionRange : ownerRange,
      children: [child],
    };
    groupKey = record.ownerKey;
    symbols.push({ line: child.range.start.line, symbol: group });
  }
  for (const { item: directive, lineShift } of view.directives()) {
    if (directive.name !== '$ORIGIN' && directive.name !== '$INCLUDE') continue;
    const range = toLspRange(directive.range, lineShift);
    symbols.push({
      line: range.start.line,
      symbol: {
        name: `${directive.name} ${directive.arguments.map((a) => a.text).join(' ')}`.trim(),
        kind: directive.name === '$ORIGIN' ? SymbolKind.Namespace : SymbolKind.File,
        range,
        selectionRange: toLspRange(directive.nameRange, lineShift),
      },
    });
  }
  return symbols.sort((a, b) => a.line - b.line).map((entry) => entry.symbol);
}

function recordSymbol(record: ZoneRecord, lineShift: number): DocumentSymbol {
  const rdata = record.rdata.map((token) => token.text).join(' ');
  return {
    name: rdata === '' ? record.type : `${record.type} ${rdata.length > 80 ? `${rdata.slice(0, 77)}...` : rdata}`,
    detail: `TTL ${record.ttl}`,
    kind: typeKinds[record.type] ?? SymbolKind.Property,
    range: toLspRange(record.range, lineShift),
    selectionRange: toLspRange(record.typeRange, lineShift),
  };
}
