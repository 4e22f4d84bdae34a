import { TypeCompiler } from '@sinclair/typebox/compiler';
import { HistoryFormatError } from './history-format-error.ts';
import { type HistoryMeta, MetaLine, type Operation, OperationLine } from './operation.ts';

const operationCheck = TypeCompiler.Compile(OperationLine);
const metaCheck = TypeCompiler.Compile(MetaLine);

export type HistoryLine = { kind: 'meta'; meta: HistoryMeta } | { kind: 'op'; op: Operation };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstError(check: typeof operationCheck | typeof metaCheck, value: unknown): string {
  const error = check.Errors(value).First();
  return error ? `${error.path || '/'}: ${error.message}` : 'does not match the history format';
}

function checkResult(op: Operation, line: number): void {
  if (op.completedAt < op.invokedAt) throw new HistoryFormatError(line, 'completedAt is before invokedAt');
  const result = op.result;
  if (op.completion === 'fail') {
    if (!isObject(result) || typeof result.code !== 'string' || typeof result.status !== 'number')
      throw new HistoryFormatError(line, 'a fail result must be {code, status}');
  } else if (op.completion === 'info') {
    if (!isObject(result) || typeof result.error !== 'string')
      throw new HistoryFormatError(line, 'an info result must be {error}');
  } else if (!isObject(result)) {
    throw new HistoryFormatError(line, 'an ok result must be the response body (an object)');
  }
}

/**
 * Parses and validates one NDJSON line of a history (line numbers count from 1). `isFirstLine` says
 * whether it is the file's first line, the only one that may be a meta line (a reader that numbers the
 * lines of a part of the file tells it).
 */
export function parseLine(text: string, line: number, isFirstLine = line === 1): HistoryLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new HistoryFormatError(line, `not JSON (${(error as Error).message})`);
  }
  if (isObject(value) && value.kind === 'meta') {
    if (!isFirstLine) throw new HistoryFormatError(line, 'a meta line may only be the first line');
    if (!metaCheck.Check(value)) throw new HistoryFormatError(line, firstError(metaCheck, value));
    return { kind: 'meta', meta: value };
  }
  if (!operationCheck.Check(value)) throw new HistoryFormatError(line, firstError(operationCheck, value));
  checkResult(value, line);
  return { kind: 'op', op: value };
}
