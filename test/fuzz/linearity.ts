// Time must grow linearly with the input: each shape is linted (and formatted) at N, 2N and 4N copies of its line,
// and the time ratio of each doubling must stay near 2. The shapes are the ones that were super-linear once.
import { applyEdits, applyFixes, formatZone, lint, parse } from '../../core/src/index';

export interface LineShape {
  readonly name: string;
  /** Text before the repeated part. */
  readonly head: string;
  /** The part repeated N times (`$i` becomes the copy's number). */
  readonly line: string;
  readonly tail?: string;
}

export const lineShapes: readonly LineShape[] = [
  { name: 'plain records', head: '$TTL 3600\n', line: 'h$i IN A 192.0.2.1\n' },
  { name: 'repeated owner, blank owners', head: '$TTL 1\n@ SOA a b 1 2 3 4 5\n', line: '\tNS dns$i\n' },
  { name: 'a ( never closed', head: '$TTL 1\n@ SOA dns1 host (\n', line: 'dns$i A 192.0.2.1\n\tAAAA 2001:DB8::1\n' },
  { name: 'one long line of words', head: '$TTL 1\na TXT', line: ' w$i' },
  { name: 'many $TTL', head: '', line: '$TTL $i\na$i A 192.0.2.1\n' },
  { name: 'many $ORIGIN', head: '', line: '$ORIGIN o$i.\n@ A 192.0.2.1\n' },
  { name: 'one name, many TTLs', head: '$ORIGIN .\n$TTL 1\n', line: '@\t$i\tNS\t@\t; c\n' },
  { name: 'unterminated strings', head: '$TTL 1\n', line: 'a$i TXT "abc\n' },
  { name: 'stray )', head: '$TTL 1\n', line: 'a$i A 1.2.3.4 )\n' },
  { name: 'lines that formatting changes', head: '$TTL 1\n', line: 'a$i    IN   A    192.0.2.1   \n' },
  { name: 'duplicates, a fix on every line', head: '$TTL 1\n', line: 'dup A 192.0.2.1\n' },
  { name: 'duplicates with CR line ends', head: '$TTL 1\r', line: 'dup A 192.0.2.1\r' },
  {
    name: 'one comment of many disable markers',
    head: '$TTL 1\na A 192.0.2.1 ;',
    line: ' zone-records-disable-line x$i',
  },
];

/** How many copies of the shape's line make about `bytes` (its copies number 5 digits or so). */
export function copiesFor(shape: LineShape, bytes: number): number {
  return Math.max(1, Math.round(bytes / shape.line.replaceAll('$i', '00000').length));
}

export function build(shape: LineShape, copies: number): string {
  const parts: string[] = [shape.head];
  for (let i = 0; i < copies; i++) parts.push(shape.line.replaceAll('$i', String(i)));
  parts.push(shape.tail ?? '\n');
  return parts.join('');
}

/** CPU milliseconds (user and system) of `work`: steadier than wall time on a machine other jobs share. */
function cpuMs(work: () => void): number {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/** CPU milliseconds to parse, lint, format and fix `text`. */
export function pipelineMs(text: string): number {
  return cpuMs(() => {
    const parsed = parse(text, { origin: 'example.com.' });
    const findings = lint(parsed, { text });
    applyEdits(text, formatZone(text, parsed));
    applyFixes(text, findings);
  });
}

export interface ShapeTiming {
  readonly shape: string;
  readonly copies: readonly number[];
  readonly ms: readonly number[];
  /** Time ratio of each doubling (2N/N, 4N/2N). */
  readonly ratios: readonly number[];
}

/**
 * Times N, 2N and 4N copies of the shape's line (N copies make about `bytes`), taking turns `runs` times and keeping each size's best: a pause of the
 * machine then hits one run of one size, not a whole size.
 */
export function timeShape(shape: LineShape, bytes: number, runs = 3): ShapeTiming {
  const base = copiesFor(shape, bytes);
  const sizes = [base, base * 2, base * 4];
  const texts = sizes.map((size) => build(shape, size));
  pipelineMs(texts[0]);
  const ms = sizes.map(() => Number.POSITIVE_INFINITY);
  for (let run = 0; run < runs; run++) {
    texts.forEach((text, index) => (ms[index] = Math.min(ms[index], pipelineMs(text))));
  }
  return { shape: shape.name, copies: sizes, ms, ratios: [ms[1] / ms[0], ms[2] / ms[1]] };
}

/** CPU milliseconds of parse+lint alone (what the 1 s limit is about). */
export function lintMs(text: string): number {
  return cpuMs(() => lint(parse(text, { origin: 'example.com.' }), { text }));
}

export function linearityReport(bytes = 256 * 1024): string {
  const lines = [
    '| line shape | N (copies) | parse+lint+format+fix CPU ms at N, 2N, 4N | ratios | parse+lint CPU ms at 4N (~1 MB), fixes and related places kept |',
    '| --- | ---: | --- | --- | ---: |',
  ];
  for (const shape of lineShapes) {
    const timing = timeShape(shape, bytes);
    const largest = build(shape, timing.copies[2]);
    const ms = timing.ms.map((value) => value.toFixed(0)).join(', ');
    const ratios = timing.ratios.map((ratio) => ratio.toFixed(2)).join(', ');
    lines.push(`| ${timing.shape} | ${timing.copies[0]} | ${ms} | ${ratios} | ${lintMs(largest).toFixed(0)} |`);
  }
  return lines.join('\n');
}
