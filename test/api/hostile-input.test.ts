import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { request } from 'undici';
import type { RunningServer } from '../../reference-impl/server.ts';
import { problemFaults } from '../../src/properties/negative/problem-verdict.ts';
import type { RawAnswer } from '../../src/properties/negative/raw-request.ts';
import { activeVouchers, newTenant, type Tenant } from '../support/fixtures.ts';
import { startReferenceServer } from '../support/reference-server.ts';

// Issue 15: input an independent probe found answered with a 5xx, a 404 for a wrong method, fastify's
// own plain JSON, or validation before authentication. Each class is one case: the exact status and
// catalog code, application/problem+json, and nothing changed (the voucher, its ledger, the tenant's
// voucher list and row counts, and the tenants a test-control call might have made).

let server: RunningServer;
let plain: RunningServer;
let t: Tenant;
let voucherId: string;
let pool: pg.Pool;
const run = `hostile-${randomUUID()}`;

before(async () => {
  server = await startReferenceServer();
  // The same database, without test control.
  plain = await startReferenceServer({ testControl: false, databaseUrl: server.databaseUrl });
  t = await newTenant(server.url);
  voucherId = (await activeVouchers(t, 2000))[0]!.id;
  pool = new pg.Pool({ connectionString: server.databaseUrl, max: 2 });
  pool.on('error', () => {});
});
after(async () => {
  await pool.end();
  await plain.close();
  await server.close();
});

/** What a hostile request may not change: read through the contract and counted in the database. */
async function state() {
  const counts = await pool.query(
    `SELECT (SELECT count(*) FROM voucher_types WHERE tenant_id = $1) AS types,
            (SELECT count(*) FROM templates WHERE tenant_id = $1) AS templates,
            (SELECT count(*) FROM vouchers WHERE tenant_id = $1) AS vouchers,
            (SELECT count(*) FROM ledger WHERE tenant_id = $1) AS ledger,
            (SELECT count(*) FROM redemptions WHERE tenant_id = $1) AS redemptions,
            (SELECT count(*) FROM tenants WHERE name LIKE $2) AS tenants`,
    [t.tenantId, `${run}%`],
  );
  return [
    (await t.pos.get('getVoucher', `/vouchers/${voucherId}`)).body,
    (await t.pos.get('getLedger', `/vouchers/${voucherId}/ledger`)).body,
    (await t.office.get('reportVouchers', '/reports/vouchers')).body,
    counts.rows[0],
  ];
}

interface Hostile {
  method?: string;
  path: string;
  /** Raw JSON text (lone surrogates must be written as escapes), or bytes. */
  body?: string | Buffer;
  headers?: Record<string, string>;
  key?: 'pos' | 'office' | 'none' | 'unknown';
  base?: () => string;
}

async function send(h: Hostile): Promise<RawAnswer & { headers: Record<string, unknown> }> {
  const keys = { pos: t.pos.key, office: t.office.key, none: null, unknown: 'vk_pos_nobody' };
  const key = keys[h.key ?? 'pos'];
  const headers: Record<string, string> = { 'idempotency-key': randomUUID() };
  if (key) headers.authorization = `Bearer ${key}`;
  if (h.body !== undefined) headers['content-type'] = 'application/json';
  Object.assign(headers, h.headers);
  const res = await request(`${(h.base ?? (() => server.url))()}${h.path}`, {
    method: (h.method ?? (h.body === undefined ? 'GET' : 'POST')) as 'GET',
    headers,
    body: h.body,
  });
  const text = await res.body.text();
  return {
    status: res.statusCode,
    ...parsed(String(res.headers['content-type'] ?? ''), text),
    headers: res.headers,
  };
}

function parsed(contentType: string, text: string): { contentType: string; body: unknown } {
  try {
    return { contentType, body: text === '' ? undefined : JSON.parse(text) };
  } catch {
    return { contentType, body: text };
  }
}

/** Bytes no HTTP client sends: a raw socket, and the answer as it came (the server closes after it). */
function sendBytes(bytes: string): Promise<RawAnswer & { closed: boolean }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk) => {
      text += chunk;
    });
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = text.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      const contentType = /\r\ncontent-type: ([^\r]*)/i.exec(head)?.[1] ?? '';
      resolve({ status, ...parsed(contentType, body), closed: true });
    });
  });
}

const typeBody = (name: string) =>
  `{"code":"H${Math.floor(Math.random() * 1e9)}","name":${name},"currency":"EUR","productCode":"G","validityDays":3,"reusable":true,"topUpAllowed":false,"policy":"balance-guard"}`;
const redeemWithLine = (description: string) =>
  `{"amount":{"amount":100,"currency":"EUR"},"receipt":{"number":"R-1","store":"S-001","register":"POS-1","channel":"pos","lines":[{"product":"P","description":${description},"quantity":1,"amount":{"amount":100,"currency":"EUR"}}]}}`;

/** One case per class: the request, the status and catalog code it must get, and any further check. */
const cases: Array<{
  name: string;
  send: () => Promise<RawAnswer & { headers?: Record<string, unknown>; closed?: boolean }>;
  status: number;
  code: string;
  also?: (a: RawAnswer & { headers?: Record<string, unknown>; closed?: boolean }) => void;
}> = [
  {
    name: 'a NUL byte in a lookup query',
    send: () => send({ path: '/vouchers/lookup?number=GC%000001' }),
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'a NUL byte in the report cursor (after)',
    send: () => send({ path: '/reports/vouchers?after=GC%00', key: 'office' }),
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'a NUL byte in a voucher type name',
    send: () => send({ path: '/voucher-types', body: typeBody('"Gift\\u0000card"'), key: 'office' }),
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'a lone surrogate in a voucher type name',
    send: () => send({ path: '/voucher-types', body: typeBody('"Gift\\ud800card"'), key: 'office' }),
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'a NUL byte in a tenant name',
    send: () => send({ path: '/test/tenants', body: `{"name":"${run}\\u0000"}`, key: 'none' }),
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'a lone surrogate in a tenant name',
    send: () => send({ path: '/test/tenants', body: `{"name":"${run}\\udc00"}`, key: 'none' }),
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'a NUL byte in a property name',
    send: () => send({ path: '/test/tenants', body: `{"name":"${run}","a\\u0000b":1}`, key: 'none' }),
    status: 400,
    code: 'validation_failed',
    also: (a) => {
      const errors = (a.body as { errors?: Array<{ pointer: string; message: string }> }).errors ?? [];
      assert.ok(
        errors.some((e) => e.pointer === '/a\u0000b' && /must be text/.test(e.message)),
        JSON.stringify(errors),
      );
    },
  },
  {
    name: 'a NUL byte in a receipt line description',
    send: () => send({ path: `/vouchers/${voucherId}/redemptions`, body: redeemWithLine('"Shoe\\u0000"') }),
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'a lone surrogate in a receipt line description',
    send: () => send({ path: `/vouchers/${voucherId}/redemptions`, body: redeemWithLine('"Shoe\\udfff"') }),
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'a leap second in setValidity',
    send: () =>
      send({
        path: `/vouchers/${voucherId}/validity`,
        body: '{"expiresAt":"2030-12-31T23:59:60Z"}',
        key: 'office',
      }),
    status: 400,
    code: 'validation_failed',
    also: (a) => assert.deepEqual(pointers(a), ['/expiresAt']),
  },
  {
    name: 'a leap second in a report from',
    send: () => send({ path: '/reports/activity?period=day&from=2016-12-31T23:59:60Z', key: 'office' }),
    status: 400,
    code: 'validation_failed',
    also: (a) => assert.deepEqual(pointers(a), ['querystring:/from']),
  },
  {
    name: 'a leap second in a report to',
    send: () => send({ path: '/reports/uses?to=2016-12-31T23:59:60Z', key: 'office' }),
    status: 400,
    code: 'validation_failed',
    also: (a) => assert.deepEqual(pointers(a), ['querystring:/to']),
  },
  {
    name: 'a wrong method on a voucher',
    send: () => send({ method: 'DELETE', path: `/vouchers/${voucherId}` }),
    status: 405,
    code: 'method_not_allowed',
    also: (a) => assert.equal(a.headers?.allow, 'GET, HEAD'),
  },
  {
    name: 'a wrong method on a redemption route',
    send: () => send({ method: 'PUT', path: `/vouchers/${voucherId}/redemptions`, body: '{}' }),
    status: 405,
    code: 'method_not_allowed',
    also: (a) => assert.equal(a.headers?.allow, 'POST'),
  },
  {
    name: 'bad percent-encoding in a path',
    send: () => send({ path: '/vouchers/%E0%A4%A' }),
    status: 400,
    code: 'malformed_request',
  },
  {
    name: 'an over-long path parameter (256 characters, past the contract id)',
    send: () => send({ path: `/vouchers/${'a'.repeat(256)}/ledger` }),
    status: 400,
    code: 'validation_failed',
    also: (a) => assert.deepEqual(pointers(a), ['params:/id']),
  },
  {
    name: 'an over-long URL (past the 16 KiB of request line and headers)',
    send: () => send({ path: `/vouchers/${'a'.repeat(20_000)}` }),
    status: 400,
    code: 'malformed_request',
  },
  {
    name: 'unparseable HTTP (clientError): problem+json, then the connection closes',
    send: () => sendBytes('GARBAGE / HTTP/9.9\r\n\r\n'),
    status: 400,
    code: 'malformed_request',
    also: (a) => assert.equal(a.closed, true),
  },
  {
    name: 'bad percent-encoding in a query',
    send: () => send({ path: '/reports/vouchers?after=%E0%A4%A', key: 'office' }),
    status: 400,
    code: 'malformed_request',
  },
  {
    name: 'a body that is not UTF-8 (bytes of an unpaired surrogate, CESU-8)',
    send: () =>
      send({
        path: `/vouchers/${voucherId}/cancel`,
        body: Buffer.concat([
          Buffer.from('{"reason":"x'),
          Buffer.from([0xed, 0xa0, 0x80]),
          Buffer.from('"}'),
        ]),
        key: 'office',
      }),
    status: 400,
    code: 'malformed_request',
  },
  {
    name: 'a JSON body in a charset other than UTF-8',
    send: () =>
      send({
        path: `/vouchers/${voucherId}/cancel`,
        body: '{"reason":"stolen"}',
        headers: { 'content-type': 'application/json; charset=iso-8859-1' },
        key: 'office',
      }),
    status: 415,
    code: 'unsupported_media_type',
  },
  {
    name: 'a content coding the server cannot undo',
    send: () =>
      send({
        path: `/vouchers/${voucherId}/cancel`,
        body: '{"reason":"stolen"}',
        headers: { 'content-encoding': 'gzip' },
        key: 'office',
      }),
    status: 415,
    code: 'unsupported_media_type',
  },
  {
    name: 'an HTTP/1.1 request without Host',
    send: () =>
      sendBytes(
        `GET /vouchers/${voucherId} HTTP/1.1\r\nAuthorization: Bearer ${t.pos.key}\r\nConnection: close\r\n\r\n`,
      ),
    status: 400,
    code: 'malformed_request',
  },
  {
    name: 'CONNECT: an answer, then the connection closes',
    send: () => sendBytes('CONNECT 127.0.0.1:5432 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'),
    status: 400,
    code: 'malformed_request',
    also: (a) => assert.equal(a.closed, true),
  },
  {
    name: 'a bad body without a key: 401 first, the schema not revealed',
    send: () => send({ path: `/vouchers/${voucherId}/redemptions`, body: '{"tip":1}', key: 'none' }),
    status: 401,
    code: 'unauthorized',
    also: (a) => assert.equal((a.body as { errors?: unknown }).errors, undefined),
  },
  {
    name: 'a bad body with an unknown key: 401 first',
    send: () => send({ path: '/voucher-types', body: '{"code":1}', key: 'unknown' }),
    status: 401,
    code: 'unauthorized',
    also: (a) => assert.equal((a.body as { errors?: unknown }).errors, undefined),
  },
  {
    name: 'test control on a server without it: a bad tenant body names nothing',
    send: () =>
      send({ path: '/test/tenants', body: `{"name":"${run}","x":1}`, key: 'none', base: () => plain.url }),
    status: 404,
    code: 'not_found',
  },
  {
    name: 'test control on a server without it: a bad clock body names nothing',
    send: () => send({ path: '/test/clock', body: '{"advanceSeconds":-1}', base: () => plain.url }),
    status: 404,
    code: 'not_found',
  },
  {
    name: 'ids of another shape (a prefix, braces, no hyphens) name nothing',
    send: async () => {
      const answers = await Promise.all(
        [`urn:uuid:${voucherId}`, `{${voucherId}}`, voucherId.replaceAll('-', '')].map((id) =>
          send({ path: `/vouchers/${encodeURIComponent(id)}/cancel`, body: '{"reason":"x"}', key: 'office' }),
        ),
      );
      for (const a of answers.slice(1)) assert.equal(a.status, answers[0]!.status);
      return answers[0]!;
    },
    status: 404,
    code: 'not_found',
  },
];

function pointers(a: RawAnswer): string[] {
  return ((a.body as { errors?: Array<{ pointer: string }> }).errors ?? []).map((e) => e.pointer);
}

describe('hostile input is refused with problem+json and changes nothing (issue 15)', () => {
  for (const c of cases) {
    test(c.name, async () => {
      const before = await state();
      const answer = await c.send();
      const shown = JSON.stringify(answer.body)?.slice(0, 300);
      assert.equal(answer.status, c.status, shown);
      assert.match(answer.contentType, /^application\/problem\+json/, shown);
      assert.equal((answer.body as { code?: string }).code, c.code, shown);
      assert.deepEqual(problemFaults(answer), [], shown);
      c.also?.(answer);
      assert.deepEqual(await state(), before);
    });
  }

  test('a receipt line description in plain unicode (astral included) is still accepted', async () => {
    const r = await send({ path: `/vouchers/${voucherId}/holds`, body: redeemWithLine('"Schuh 👟 𝄞"') });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    await send({ path: `/holds/${(r.body as { id: string }).id}/release`, body: '{}' });
  });

  test('an Expect other than 100-continue is served as if absent (not a bare 417)', async () => {
    const r = await sendBytes(
      `GET /vouchers/${voucherId}/balance HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${t.pos.key}\r\nExpect: a-miracle\r\nConnection: close\r\n\r\n`,
    );
    assert.equal(r.status, 200, JSON.stringify(r.body));
  });

  test('a report window of ordinary RFC 3339 date-times is still answered', async () => {
    const r = await send({
      path: '/reports/activity?period=day&from=2016-12-31T23:59:59Z&to=2030-01-01T00:00:00%2B01:00',
      key: 'office',
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
  });
});
