import type { Violation } from './response-validator.ts';

function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  const text = JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** Thrown when an answer departs from the contract: fails the scenario with each path and offending value. */
export class ContractViolation extends Error {
  readonly operationId: string;
  readonly status: number;
  readonly violations: readonly Violation[];

  constructor(operationId: string, status: number, violations: readonly Violation[]) {
    const lines = violations.map((v) => `  at ${v.path || '(answer)'}: ${v.message}; got ${show(v.value)}`);
    super(`answer to ${operationId} (status ${status}) does not match the contract:\n${lines.join('\n')}`);
    this.name = 'ContractViolation';
    this.operationId = operationId;
    this.status = status;
    this.violations = violations;
  }
}
