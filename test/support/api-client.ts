import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { request } from 'undici';
import { ResponseValidator } from '../../src/contract/response-validator.ts';

const validator = new ResponseValidator();

export interface Answer {
  status: number;
  contentType: string | undefined;
  // biome-ignore lint/suspicious/noExplicitAny: tests read answers loosely after the contract check.
  body: any;
  headers: Record<string, string | string[] | undefined>;
}

export interface CallOptions {
  key?: string | null;
  idempotencyKey?: string | null;
  /** A raw body sent as is (malformed JSON, other content types). */
  raw?: string;
  contentType?: string;
  /** Skip the contract check (for deliberately broken requests on unknown paths). */
  unchecked?: boolean;
}

/**
 * A raw HTTP client for the reference implementation's own tests. Every answer is checked against
 * the OpenAPI document (status, content type, schema) by the harness's ResponseValidator.
 */
export class ApiClient {
  readonly base: string;
  readonly key: string | null;

  constructor(base: string, key: string | null = null) {
    this.base = base;
    this.key = key;
  }

  as(key: string): ApiClient {
    return new ApiClient(this.base, key);
  }

  async call(
    operationId: string,
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    options: CallOptions = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = {};
    const key = options.key === undefined ? this.key : options.key;
    if (key) headers.authorization = `Bearer ${key}`;
    const payload = options.raw ?? (body === undefined ? undefined : JSON.stringify(body));
    if (payload !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
    const idem =
      options.idempotencyKey === undefined
        ? method === 'POST'
          ? randomUUID()
          : null
        : options.idempotencyKey;
    if (idem) headers['idempotency-key'] = idem;
    const res = await request(`${this.base}${path}`, { method, headers, body: payload });
    const text = await res.body.text();
    const contentType = res.headers['content-type'] as string | undefined;
    let parsed: unknown = text === '' ? undefined : text;
    if (text && contentType?.includes('json')) parsed = JSON.parse(text);
    const answer = { status: res.statusCode, contentType, body: parsed, headers: res.headers };
    if (!options.unchecked) {
      const violations = validator.check({ operationId, status: answer.status, contentType, body: parsed });
      assert.deepEqual(
        violations,
        [],
        `${operationId} ${method} ${path} answered outside the contract: ${text}`,
      );
    }
    return answer;
  }

  get(operationId: string, path: string, options?: CallOptions) {
    return this.call(operationId, 'GET', path, undefined, options);
  }

  post(operationId: string, path: string, body: unknown = {}, options?: CallOptions) {
    return this.call(operationId, 'POST', path, body, options);
  }
}
