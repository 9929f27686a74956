import {
  CompletionItemKind,
  InsertTextFormat,
  type CompletionItem,
  type CompletionList,
  type Position as LspPosition,
} from 'vscode-languageserver';
import {
  diagnosticCodes,
  disableMarker,
  parseTtl,
  recordTypes,
  relativeName,
  scanLineComment,
} from '../../../core/src/index';
import type { ZoneView } from '../view';

const directives: readonly { name: string; snippet: string; detail: string }[] = [
  { name: '$ORIGIN', snippet: '\\$ORIGIN ${1:example.com.}', detail: 'set the origin for relative names' },
  { name: '$TTL', snippet: '\\$TTL ${1:3600}', detail: 'default TTL for records without one' },
  { name: '$INCLUDE', snippet: '\\$INCLUDE ${1:file}', detail: 'read another zone file here' },
  {
    name: '$GENERATE',
    snippet: '\\$GENERATE ${1:1-10} ${2:host-\\$} ${3:A} ${4:192.0.2.\\$}',
    detail: 'generate records',
  },
];

const classes = ['IN', 'CH', 'HS'];

/** At most this many names are offered at once; the list is marked incomplete so that typing narrows it. */
const maxNames = 500;

/**
 * Completion from the text of the line before the cursor: directives and owner names in the first column, then
 * TTL/class/type (classes while none is written, every type the core knows), and in-zone names where the rdata
 * of the record type takes a name.
 */
export function completion(view: ZoneView, lineText: string, position: LspPosition): CompletionList {
  const prefix = lineText.slice(0, position.character);
  const empty: CompletionList = { isIncomplete: false, items: [] };
  const scan = scanLineComment(prefix);
  if (scan.commentStart >= 0) return disableCommentCompletion(prefix.slice(scan.commentStart));
  if (scan.inString) return empty;
  const words = prefix.split(/[ \t]+/);
  const current = words.pop() ?? '';
  const ownerWritten = !/^[ \t]/.test(prefix) && prefix.length > 0;
  if (words.length === 0) {
    // The first column (no blank before the cursor): a directive or an owner.
    if (current.startsWith('$')) return { isIncomplete: false, items: directiveItems() };
    return ownerItems(view, current, position);
  }
  const fields = ownerWritten ? words.slice(1) : words.filter((w) => w !== '');
  let sawClass = false;
  for (let index = 0; index < fields.length; index++) {
    const word = fields[index];
    if (word === '(' || word === ')') continue;
    const upper = word.toUpperCase();
    if (classes.includes(upper) || /^CLASS\d+$/.test(upper)) {
      sawClass = true;
      continue;
    }
    if (parseTtl(word) !== undefined) continue;
    const rdataIndex = fields.slice(index + 1).filter((w) => w !== '(' && w !== ')').length;
    return rdataItems(view, upper, rdataIndex, current);
  }
  return { isIncomplete: false, items: [...typeItems(), ...(sawClass ? [] : classItems())] };
}

function directiveItems(): CompletionItem[] {
  return directives.map((directive) => ({
    label: directive.name,
    kind: CompletionItemKind.Keyword,
    detail: directive.detail,
    insertText: directive.snippet,
    insertTextFormat: InsertTextFormat.Snippet,
    // The `$` is part of the typed word in most clients' word definitions, but not all: filter on the bare name.
    filterText: directive.name,
  }));
}

function typeItems(): CompletionItem[] {
  const items: CompletionItem[] = [];
  for (const info of recordTypes.values()) {
    items.push({
      label: info.name,
      kind: CompletionItemKind.TypeParameter,
      detail: info.fields.length > 0 ? `${info.name} ${info.fields.join(' ')}` : info.name,
      documentation: `${info.summary} (${info.reference})`,
      // Cloudflare's types first, then the rest, alphabetically within each group.
      sortText: `${info.cloudflare ? '0' : '1'}${info.name}`,
    });
  }
  return items;
}

function classItems(): CompletionItem[] {
  return classes.map((name) => ({
    label: name,
    kind: CompletionItemKind.EnumMember,
    detail: 'class',
    sortText: `2${name}`,
  }));
}

function ownerItems(view: ZoneView, current: string, position: LspPosition): CompletionList {
  const names = zoneNames(view, current, position.line);
  const items: CompletionItem[] = names.names.map((name) => ({ label: name, kind: CompletionItemKind.Reference }));
  if (current === '') items.push(...directiveItems());
  return { isIncomplete: names.truncated, items };
}

function rdataItems(view: ZoneView, type: string, rdataIndex: number, current: string): CompletionList {
  if (!(recordTypes.get(type)?.nameFields ?? []).includes(rdataIndex)) return { isIncomplete: false, items: [] };
  const names = zoneNames(view, current, -1);
  return {
    isIncomplete: names.truncated,
    items: names.names.map((name) => ({ label: name, kind: CompletionItemKind.Reference, detail: 'in-zone name' })),
  };
}

/** The zone's owner names, relative to the origin when the document has a single one, filtered by `current`. */
function zoneNames(view: ZoneView, current: string, skipLine: number): { names: string[]; truncated: boolean } {
  let origins = 0;
  for (const { item } of view.directives()) if (item.name === '$ORIGIN') origins++;
  const origin = origins > 0 ? undefined : view.origin;
  const seen = new Set<string>();
  const names: string[] = [];
  const filter = current.toLowerCase();
  for (const { item: record, lineShift } of view.allRecords()) {
    if (record.ownerRange !== undefined && record.ownerRange.start.line + lineShift === skipLine) continue;
    if (seen.has(record.ownerKey)) continue;
    seen.add(record.ownerKey);
    const name = relativeName(record.owner, origin);
    if (filter !== '' && !name.toLowerCase().startsWith(filter)) continue;
    if (names.length === maxNames) return { names, truncated: true };
    names.push(name);
  }
  return { names, truncated: false };
}

/** In a comment: after `zone-records-disable-line`, the diagnostic codes with what they mean. */
function disableCommentCompletion(comment: string): CompletionList {
  const marker = comment.indexOf(disableMarker);
  // Only once the marker and a blank follow: `; zone-records-disable-line |`.
  if (marker < 0 || !/[\s,]$|[\s,][a-z0-9-]*$/.test(comment.slice(marker + disableMarker.length))) {
    return { isIncomplete: false, items: [] };
  }
  const items: CompletionItem[] = [...diagnosticCodes].map(([code, meaning]) => ({
    label: code,
    kind: CompletionItemKind.EnumMember,
    documentation: meaning,
  }));
  return { isIncomplete: false, items };
}
