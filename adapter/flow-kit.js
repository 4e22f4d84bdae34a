/**
 * The part of the adapter kit that needs nothing but the contract's data: the three answers, money in
 * minor units, request fingerprints, the operation catalog. No Node module and no package is imported,
 * so that a transport-free adapter (docs/adapter.md) gets the same helpers in Node and in k6, where the
 * runner hands them over as `kit`. `voucher-conformance/adapter` re-exports all of it.
 */
import { errorCatalog, operations } from './contract.js';

const byId = new Map(operations.map((operation) => [operation.operationId, operation]));

/** The contract's description of an operation (method, path, capability, success status, errors). */
export function routeOf(operationId) {
  const route = byId.get(operationId);
  if (!route) throw new Error(`unknown operation ${operationId}`);
  return route;
}

/** A success, as the contract declares it for the operation: `ok(201, body)`. */
export function ok(status, body) {
  return { completion: 'ok', status, body };
}

/** A refusal with a code of the error catalog, its status and title, and the catalog's extensions. */
export function refuse(code, extensions = {}) {
  const entry = errorCatalog[code];
  if (!entry) throw new Error(`unknown error code ${code}: see errorCatalog`);
  return {
    completion: 'fail',
    status: entry.status,
    problem: {
      type: `https://voucher-conformance.invalid/errors/${code}`,
      title: entry.title,
      status: entry.status,
      code,
      ...extensions,
    },
  };
}

/** An outcome nobody knows (a timeout, a lost connection, a 5xx): it may or may not have happened. */
export function unknown(error) {
  return { completion: 'info', error: String(error) };
}

/** Thrown by `arrange` when the system cannot be brought to a provider state: the scenario is not claimed. */
export class CannotArrange extends Error {
  constructor(message) {
    super(message);
    this.name = 'CannotArrange';
  }
}

/** "12.34" → 1234, "-5.00" → -500: by string arithmetic, never through a float. */
export function toMinor(decimal, digits = 2) {
  const text = String(decimal).trim();
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new Error(`not a decimal amount: ${JSON.stringify(decimal)}`);
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > digits) throw new Error(`more than ${digits} decimals: ${text}`);
  const minor = Number(whole + fraction.padEnd(digits, '0'));
  return sign === '-' ? -minor : minor;
}

/** 1234 → "12.34", -500 → "-5.00". */
export function toDecimal(minor, digits = 2) {
  if (!Number.isSafeInteger(minor)) throw new Error(`not an integer of minor units: ${minor}`);
  const sign = minor < 0 ? '-' : '';
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${text}` : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** The request an operation makes, as one string: equal for the same request (a retry), else different. */
export function requestFingerprint(operation) {
  const sorted = (value) =>
    Array.isArray(value)
      ? value.map(sorted)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((k) => [k, sorted(value[k])]),
          )
        : value;
  const body = operation.rawBody !== undefined ? operation.rawBody : operation.body;
  return JSON.stringify(
    sorted([operation.operationId, operation.params ?? {}, operation.query ?? {}, body ?? null]),
  );
}
