import type { Violation } from './response-validator.ts';

function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/**
 * An answer that departs from the contract, raised where the reader cannot go on with it (a step, a
 * property's fixture): says which operation, the status, each path with its offending value, and the
 * answer as it came.
 */
export class ContractViolation extends Error {
  readonly operationId: string;
  readonly status: number | undefined;
  readonly violations: readonly Violation[];
  readonly answer: unknown;

  constructor(
    operationId: string,
    status: number | undefined,
    violations: readonly Violation[],
    answer?: unknown,
  ) {
    const lines = violations.map((v) => `  at ${v.path || '(answer)'}: ${v.message}; got ${show(v.value)}`);
    const body = answer === undefined ? '' : `\n  the answer: ${show(answer)}`;
    super(
      `answer to ${operationId} (status ${status ?? 'none'}) does not match the contract:\n${lines.join('\n')}${body}`,
    );
    this.name = 'ContractViolation';
    this.operationId = operationId;
    this.status = status;
    this.violations = violations;
    this.answer = answer;
  }
}
