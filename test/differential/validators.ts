// The reference validators, run as child processes on files in a temporary folder, as the corpus's reference runs
// ran them: `named-checkzone -i local ORIGIN FILE` and `kzonecheck -o ORIGIN FILE` (with -v, which changes no verdict
// but prints the loader's error lines that kzonecheck otherwise sums up as "failed to run semantic checks").
import { execFile, spawnSync } from 'node:child_process';

export type Verdict = 'valid' | 'invalid';

export interface Validator {
  readonly name: string;
  readonly command: string;
  args(origin: string, file: string): string[];
}

export const named: Validator = {
  name: 'named-checkzone',
  command: 'named-checkzone',
  args: (origin, file) => ['-i', 'local', origin, file],
};

export const knot: Validator = {
  name: 'kzonecheck',
  command: 'kzonecheck',
  args: (origin, file) => ['-v', '-o', origin, file],
};

/** True when the validator's program runs on this machine. */
export function installed(validator: Validator): boolean {
  const probe = spawnSync(validator.command, [validator.name === 'kzonecheck' ? '-V' : '-v'], { stdio: 'ignore' });
  return probe.error === undefined && probe.status === 0;
}

export interface ValidatorResult {
  readonly verdict: Verdict;
  /** The first line that explains a refusal (or the first warning), for the report. */
  readonly message: string;
}

/** Runs one validator from `cwd` (so that `$INCLUDE` resolves as it would for the file's owner). */
export function runValidator(
  validator: Validator,
  origin: string,
  file: string,
  cwd: string,
): Promise<ValidatorResult> {
  return new Promise((resolve) => {
    execFile(validator.command, validator.args(origin, file), { cwd, timeout: 30000 }, (error, stdout, stderr) => {
      const lines = `${stdout}\n${stderr}`.split('\n').filter((line) => line.trim() !== '');
      const verdict: Verdict = error === null ? 'valid' : 'invalid';
      const interesting = lines.find(
        (line) =>
          !/loaded serial|^OK$|Error summary|semantic error detected|failed to load zone|failed to run semantic/.test(
            line,
          ),
      );
      resolve({ verdict, message: (interesting ?? '').trim() });
    });
  });
}

/** Runs `task` over `items` with at most `parallel` at a time, keeping the order of the results. */
export async function pool<T, R>(items: readonly T[], parallel: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const at = next++;
      const item = items[at];
      if (item !== undefined) results[at] = await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker));
  return results;
}
