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

/**
 * A history that records one operation twice. The file reads, but it is not a true record of the run:
 * its money would be counted twice, so no checker can judge it. `vcert check` calls it invalid (exit 1),
 * not unreadable.
 */
export class RepeatedOperationError extends HistoryFormatError {
  constructor(line: number, reason: string) {
    super(line, reason);
    this.name = 'RepeatedOperationError';
  }
}
