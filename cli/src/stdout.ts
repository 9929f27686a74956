// Standard output for commands that may print megabytes (a lint with a finding on every record).
import * as fs from 'node:fs';

/**
 * Writes to standard output. When that is a file or /dev/null, Node's stream copies each chunk into a fresh Buffer
 * before writing it; writing the string to the descriptor skips the copy (about 90 ms of 20 MB of findings here).
 * Pipes and terminals keep the stream, which waits for a slow reader and reports one that has gone (EPIPE).
 */
export function writeStdout(text: string): void {
  direct ??= isFileLike(process.stdout.fd);
  if (direct) fs.writeSync(process.stdout.fd, text);
  else process.stdout.write(text);
}

let direct: boolean | undefined;

function isFileLike(fd: number): boolean {
  if (process.stdout.isTTY) return false;
  try {
    const stat = fs.fstatSync(fd);
    return stat.isFile() || stat.isCharacterDevice();
  } catch {
    return false;
  }
}
