/**
 * What keygen, sign and verify throw when they cannot do their work (a key file that is not a key, a
 * package that is not a tar.gz, a symbolic link in the reports): the CLI prints the message as one
 * line and exits with code 2. A tampered package is never this: it is a finding (exit code 1).
 */
export class CannotRun extends Error {
  override name = 'CannotRun';
  constructor(message: string) {
    super(message);
    // Where it was thrown says nothing: the message is all there is to report.
    this.stack = `${this.name}: ${message}`;
  }
}

/** The message of anything thrown, as one line. */
export function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s*\n\s*/g, ' ').trim();
}

const reasons: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  EEXIST: 'it exists already',
};

/** Why a file operation failed, without repeating the path (the caller's message names it). */
export function fileReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return (code && reasons[code]) ?? oneLine(error);
}
