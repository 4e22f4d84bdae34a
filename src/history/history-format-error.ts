/** A history line that is not valid: says which line and why. */
export class HistoryFormatError extends Error {
  readonly line: number;
  /** What is wrong with the line, without its number. */
  readonly reason: string;

  constructor(line: number, reason: string) {
    super(`history line ${line}: ${reason}`);
    this.name = 'HistoryFormatError';
    this.line = line;
    this.reason = reason;
  }
}
