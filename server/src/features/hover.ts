import { MarkupKind, type Hover, type Position as LspPosition } from 'vscode-languageserver';
import { rangeContains, toLspRange } from '../convert';
import {
  diagnosticCodes,
  disableMarker,
  formatTtlWords,
  parseTtl,
  type Range,
  recordTypes,
  scanLineComment,
  toUnicodeName,
  type ZoneRecord,
} from '../../../core/src/index';
import type { ZoneView } from '../view';

const classNames: Readonly<Record<string, string>> = {
  IN: 'Internet (the class of every record Cloudflare serves)',
  CH: 'Chaos (used for server metadata such as `version.bind`)',
  HS: 'Hesiod',
  CS: 'CSNET (obsolete)',
};

const directiveDocs: Readonly<Record<string, string>> = {
  $ORIGIN: 'Sets the origin: names without a trailing dot below this line are relative to it (RFC 1035 section 5.1).',
  $TTL: 'Sets the default TTL for records that do not state one (RFC 2308 section 4).',
  $INCLUDE:
    "Reads another file here, relative to this file's folder, optionally with its own origin (RFC 1035 section 5.1). Cloudflare's import does not accept it.",
  $GENERATE:
    'Generates a series of records from a range and a template with `$` (BIND extension, expanded before linting).',
};

/**
 * Hover for the token under the cursor: the record type's summary and RFC, the rdata field's name, the Unicode
 * form of `xn--` names, a TTL in words, the class and directives, and the codes of a disable comment (`lineText` is
 * the text of the cursor's line, without its line break).
 */
export function hover(view: ZoneView, position: LspPosition, lineText: string): Hover | null {
  for (const { item: directive, lineShift } of view.directives()) {
    if (directive.file !== undefined) continue;
    const argument = directive.arguments[0];
    if (directive.name === '$TTL' && argument !== undefined) {
      if (rangeContains(toLspRange(argument.range, lineShift), position)) {
        const seconds = parseTtl(argument.text);
        if (seconds === undefined) return null;
        return markdown(`**Default TTL** ${seconds} seconds (${formatTtlWords(seconds)})`, argument.range, lineShift);
      }
    }
    if (rangeContains(toLspRange(directive.nameRange, lineShift), position)) {
      const doc = directiveDocs[directive.name];
      if (doc === undefined) return null;
      return markdown(`**${directive.name}**\n\n${doc}`, directive.nameRange, lineShift);
    }
  }
  const inComment = hoverInDisableComment(lineText, position);
  if (inComment !== null) return inComment;
  for (const { item: record, lineShift } of view.recordsOnLine(position.line)) {
    const found = hoverInRecord(record, lineShift, position);
    if (found !== null) return found;
  }
  return null;
}

/** Hover in a `; zone-records-disable-line CODE` comment: what the marker does, and what each named code means. */
function hoverInDisableComment(lineText: string, position: LspPosition): Hover | null {
  const { commentStart } = scanLineComment(lineText);
  const marker = commentStart < 0 ? -1 : lineText.indexOf(disableMarker, commentStart);
  if (marker < 0 || position.character < marker) return null;
  const words = /[^\s,]+/g;
  words.lastIndex = marker;
  for (let match = words.exec(lineText); match !== null; match = words.exec(lineText)) {
    const start = match.index;
    const end = start + match[0].length;
    if (position.character < start) return null;
    if (position.character > end) continue;
    // Only line and character reach the client (toLspRange); the offset in the line stands in for the document's.
    const range = {
      start: { line: position.line, character: start, offset: start },
      end: { line: position.line, character: end, offset: end },
    };
    if (start === marker) {
      return markdown(
        '**zone-records-disable-line**: the findings of the codes named after it are not reported on this line (of any code when none is named).',
        range,
        0,
      );
    }
    const meaning = diagnosticCodes.get(match[0]);
    return markdown(
      meaning === undefined ? `\`${match[0]}\` is not a diagnostic code.` : `**${match[0]}**: ${meaning}`,
      range,
      0,
    );
  }
  return null;
}

function hoverInRecord(record: ZoneRecord, lineShift: number, position: LspPosition): Hover | null {
  const inside = (range: Range | undefined): range is Range =>
    range !== undefined && rangeContains(toLspRange(range, lineShift), position);
  if (inside(record.ownerRange)) {
    return markdown(nameText('Owner', record.owner), record.ownerRange, lineShift);
  }
  if (inside(record.ttlRange)) {
    return markdown(`**TTL** ${record.ttl} seconds (${formatTtlWords(record.ttl)})`, record.ttlRange, lineShift);
  }
  if (inside(record.classRange)) {
    const name = classNames[record.class];
    return markdown(`**Class ${record.class}**${name === undefined ? '' : `: ${name}`}`, record.classRange, lineShift);
  }
  if (inside(record.typeRange)) {
    return markdown(typeText(record.type), record.typeRange, lineShift);
  }
  for (const field of record.fields) {
    if (!inside(field.range)) continue;
    const info = recordTypes.get(record.type);
    const lines = [`**${field.name}**: field of ${record.type}`];
    if (info !== undefined && info.fields.length > 0) lines.push(`${record.type} ${info.fields.join(' ')}`);
    if (field.value.toLowerCase().includes('xn--')) lines.push(`Unicode: ${toUnicodeName(field.value)}`);
    return markdown(lines.join('\n\n'), field.range, lineShift);
  }
  for (const token of record.rdata) {
    if (inside(token.range)) return markdown(typeText(record.type), token.range, lineShift);
  }
  return null;
}

function typeText(type: string): string {
  const info = recordTypes.get(type);
  if (info === undefined) return `**${type}**: a record type the linter checks only generically (RFC 3597 form).`;
  const lines = [`**${info.name}** (type ${info.code}): ${info.summary} (${info.reference})`];
  if (info.fields.length > 0) lines.push(`Fields: ${info.fields.map((f) => `\`${f}\``).join(' ')}`);
  lines.push(info.cloudflare ? 'Served by Cloudflare DNS.' : "Not a type Cloudflare's DNS records API serves.");
  return lines.join('\n\n');
}

function nameText(label: string, name: string): string {
  const lines = [`**${label}** \`${name}\``];
  if (name.toLowerCase().includes('xn--')) {
    const unicode = toUnicodeName(name);
    if (unicode !== name) lines.push(`Unicode: ${unicode}`);
  }
  return lines.join('\n\n');
}

function markdown(value: string, range: Range, lineShift: number): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range: toLspRange(range, lineShift) };
}
