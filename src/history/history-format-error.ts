/** A history line that is not valid: says which line and why. */
export class HistoryFormatError extends Error {
  readonly line: number;

  constructor(line: number, reason: string) {
    super(`history line ${line}: ${reason}`);
    this.name = 'HistoryFormatError';
    this.line = line;
  }
}
