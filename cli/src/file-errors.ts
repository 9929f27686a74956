// What a failed read or write of a file says to the user, the same way in every command.

const reasons: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  ENOSPC: 'no space left on the device',
  EROFS: 'the file system is read-only',
  EMFILE: 'too many files open',
};

/** The reason in words, with the system's code (`no such file, ENOENT`); the error's own message for others. */
export function fileErrorReason(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? String(error.code) : undefined;
  if (code !== undefined) return code in reasons ? `${reasons[code]}, ${code}` : code;
  return error instanceof Error ? error.message : String(error);
}
