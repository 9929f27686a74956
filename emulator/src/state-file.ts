import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { StoredRecord, ZoneInfo } from './model';
import { isPlanName } from './plans';

/** The JSON document that keeps zones and records across restarts (`--state FILE`). */
export interface StateDocument {
  readonly version: 1;
  readonly zones: readonly { readonly zone: ZoneInfo; readonly records: readonly StoredRecord[] }[];
}

/**
 * Writes the state atomically: a temporary file next to the target, then a rename, so a crash never leaves a
 * half-written state file behind.
 */
export function writeStateFile(path: string, document: StateDocument): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, `${JSON.stringify(document)}\n`, 'utf8');
    renameSync(temporary, path);
  } catch (error) {
    throw new Error(`cannot write the state file ${path}: ${(error as Error).message}`);
  }
}

/** Reads a state file; undefined when it does not exist. Throws an Error that says what is wrong otherwise. */
export function readStateFile(path: string): StateDocument | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`cannot read the state file ${path}: ${(error as Error).message}`);
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new Error(
      `the state file ${path} is not valid JSON (${(error as Error).message}); move it away to start fresh`,
    );
  }
  const problem = checkDocument(document);
  if (problem !== undefined) throw new Error(`the state file ${path} is not an emulator state file: ${problem}`);
  return document as StateDocument;
}

function checkDocument(document: unknown): string | undefined {
  if (typeof document !== 'object' || document === null) return 'expected an object';
  const { version, zones } = document as { version?: unknown; zones?: unknown };
  if (version !== 1) return `unsupported version ${String(version)}`;
  if (!Array.isArray(zones)) return 'zones must be an array';
  for (const entry of zones as unknown[]) {
    const { zone, records } = (entry ?? {}) as { zone?: Partial<ZoneInfo>; records?: unknown };
    if (zone === undefined || typeof zone.id !== 'string' || typeof zone.name !== 'string') {
      return 'every zone needs an id and a name';
    }
    if (typeof zone.plan !== 'string' || !isPlanName(zone.plan)) return `zone ${zone.name} has an unknown plan`;
    if (!Array.isArray(records)) return `zone ${zone.name} has no records array`;
  }
  return undefined;
}
