/**
 * Reading fields of a request body. Anything missing or malformed is a CheckoutError INVALID_REQUEST
 * (400), thrown before the handler changes anything.
 */
import { invalidRequest } from './checkout-error.ts';
import { isCurrency, toCents } from './money.ts';
import type { Body } from './route.ts';

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** Cents of a required decimal amount of at least minCents. */
export function amountField(body: Body, name: string, minCents = 1): number {
  const cents = toCents(body[name]);
  if (cents === undefined)
    throw invalidRequest(`${name} must be a decimal string with two decimals, like "20.00"`);
  if (cents < minCents) throw invalidRequest(`${name} must be at least ${minCents} cents`);
  return cents;
}

/** Cents of an optional positive amount; undefined when the field is absent. */
export function optionalAmountField(body: Body, name: string): number | undefined {
  return body[name] === undefined ? undefined : amountField(body, name);
}

export function currencyField(body: Body): string {
  const currency = body.currency;
  if (!isCurrency(currency)) throw invalidRequest('currency must be an ISO 4217 code like "EUR"');
  return currency;
}

/** A calendar date "YYYY-MM-DD" or null; undefined when the field is absent and may be. */
export function dateField(body: Body, name: string, required: boolean): string | null | undefined {
  const value = body[name];
  if (value === undefined && !required) return undefined;
  if (value === null) return null;
  if (typeof value !== 'string' || !datePattern.test(value))
    throw invalidRequest(`${name} must be YYYY-MM-DD or null`);
  const parsed = Date.parse(`${value}T00:00:00Z`);
  if (Number.isNaN(parsed) || new Date(parsed).toISOString().slice(0, 10) !== value)
    throw invalidRequest(`${name} is not a calendar date`);
  return value;
}

/** A non-empty string of at most maxLength characters; undefined when absent and optional. */
export function textField(body: Body, name: string, required: boolean, maxLength = 500): string | undefined {
  const value = body[name];
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || value.length === 0 || value.length > maxLength)
    throw invalidRequest(`${name} must be a string of 1 to ${maxLength} characters`);
  return value;
}

/** A line quantity: an integer from 1 to 999, 1 when absent. */
export function quantityField(body: Body): number {
  const value = body.quantity ?? 1;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 999)
    throw invalidRequest('quantity must be an integer from 1 to 999');
  return value;
}
