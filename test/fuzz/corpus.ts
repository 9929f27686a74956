// The real zone files of ../shared/zones, read in place: the seeds of the mutation and splice inputs.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const projectRoot = path.resolve(__dirname, '../..');
const zonesRoot = path.join(path.resolve(projectRoot, '../shared'), 'zones');

export interface CorpusFile {
  /** Path under ../shared/zones/corpus, for naming a mutant's parent. */
  readonly name: string;
  readonly text: string;
  readonly origin: string;
}

/** Larger files make slow mutants without finding more: the big zones are for the benchmarks. */
const maxCorpusBytes = 256 * 1024;

/** The corpus files (sorted by name, so a seed gives the same mutants everywhere), or undefined without ../shared. */
export function readCorpus(): CorpusFile[] | undefined {
  const manifest = path.join(zonesRoot, 'manifest.tsv');
  if (!fs.existsSync(manifest)) return undefined;
  const files: CorpusFile[] = [];
  const rows = fs.readFileSync(manifest, 'utf8').split('\n').slice(1);
  for (const row of rows) {
    const [file = '', , , , , origin = '.', , , , bytes = '0'] = row.split('\t');
    if (file === '' || Number(bytes) > maxCorpusBytes) continue;
    const full = path.join(zonesRoot, 'corpus', file);
    if (!fs.existsSync(full)) continue;
    files.push({ name: file, text: fs.readFileSync(full, 'utf8'), origin: origin || '.' });
  }
  return files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
