import { randomUUID } from 'node:crypto';
import type { Pool } from 'undici';

export interface JsonAnswer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: the benchmark reads a few known fields of the answers.
  body: any;
}

/**
 * POSTs JSON on a keep-alive undici Pool with `Authorization: Bearer <key>` and a fresh
 * `Idempotency-Key` (unless `idempotencyKey` is null), and reads the JSON answer.
 */
export async function postJson(
  pool: Pool,
  path: string,
  key: string | null,
  body: unknown,
  idempotencyKey: string | null = randomUUID(),
): Promise<JsonAnswer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key) headers.authorization = `Bearer ${key}`;
  if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
  const res = await pool.request({ method: 'POST', path, headers, body: JSON.stringify(body) });
  const text = await res.body.text();
  return { status: res.statusCode, body: text ? JSON.parse(text) : undefined };
}

/** Like postJson, but any status other than `expected` is an error that quotes the answer. */
export async function postOk(
  pool: Pool,
  path: string,
  key: string | null,
  body: unknown,
  expected: number,
  idempotencyKey?: string | null,
): Promise<JsonAnswer['body']> {
  const answer = await postJson(pool, path, key, body, idempotencyKey);
  if (answer.status !== expected) {
    throw new Error(`POST ${path}: ${answer.status} (expected ${expected}): ${JSON.stringify(answer.body)}`);
  }
  return answer.body;
}
