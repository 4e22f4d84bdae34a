import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Card, cents, decimal, Merchant, VendorError } from './foreign-vendor-store.ts';

/**
 * "GiftCardCo": a small simulated vendor on 127.0.0.1 whose API differs from the contract in every way
 * a real one might: merchant keys in X-Merchant-Key, request references in X-Request-Ref, cards with
 * codes, authorize / settle / void / reverse, decimal-string amounts, errors like NSF and CARD_LOCKED.
 * simulators/vendors/foreign-adapter.ts maps it onto the contract.
 */
type Body = Record<string, unknown>;
type Handler = (m: Merchant, params: string[], body: Body) => { status: number; body: unknown };

const view = (c: Card, currency: string) => ({
  code: c.code,
  pan: c.pan,
  track2: c.track2,
  qr: c.qr,
  programId: c.programId,
  status: c.status,
  faceValue: decimal(c.faceValue),
  balance: decimal(c.balance),
  currency,
  issuedOn: c.issuedOn,
  activatedOn: c.activatedOn,
  expiresOn: c.expiresOn,
});
const cardView = (m: Merchant, c: Card) => ({
  ...view(c, m.programs.get(c.programId)?.currency ?? 'EUR'),
  held: decimal(m.reserved(c)),
});
const memo = (b: Body) => (typeof b.memo === 'string' ? b.memo : null);
const ok = (body: unknown, status = 200) => ({ status, body });

const routes: [string, RegExp, Handler][] = [
  [
    'POST',
    /^\/programs$/,
    (m, _, b) => {
      const id = randomUUID();
      m.programs.set(id, {
        id,
        currency: String(b.currency),
        reusable: b.reusable === true,
        validityDays: Number(b.validityDays),
      });
      return ok({ programId: id }, 201);
    },
  ],
  [
    'POST',
    /^\/programs\/([^/]+)\/cards$/,
    (m, [pid], b) =>
      ok(
        {
          cards: m
            .issue(pid ?? '', Number(b.quantity), cents(String(b.faceValue)))
            .map((c) => cardView(m, c)),
        },
        201,
      ),
  ],
  ['GET', /^\/giftcards\/([^/]+)$/, (m, [code]) => ok(cardView(m, m.card(code ?? '')))],
  [
    'GET',
    /^\/giftcards\/([^/]+)\/history$/,
    (m, [code]) =>
      ok({
        entries: m.card(code ?? '').history.map((h) => ({
          ...h,
          cents: undefined,
          amount: decimal(Math.abs(h.cents)),
          sign: h.cents < 0 ? 'D' : 'C',
          balance: decimal(h.after),
        })),
      }),
  ],
  [
    'POST',
    /^\/giftcards\/([^/]+)\/activate$/,
    (m, [code], b) => {
      const card = m.card(code ?? '');
      if (card.status !== 'INACTIVE') throw new VendorError(409, 'ALREADY_ACTIVE', `card is ${card.status}`);
      card.status = 'ACTIVE';
      card.activatedOn = new Date().toISOString();
      m.record(card, 'ACTIVATE', 0, memo(b));
      return ok(cardView(m, card));
    },
  ],
  [
    'POST',
    /^\/giftcards\/([^/]+)\/lock$/,
    (m, [code]) => {
      const card = m.card(code ?? '');
      card.status = 'LOCKED';
      return ok(cardView(m, card));
    },
  ],
  [
    'POST',
    /^\/giftcards\/([^/]+)\/unlock$/,
    (m, [code]) => {
      const card = m.card(code ?? '');
      if (card.status !== 'LOCKED') throw new VendorError(409, 'NOT_LOCKED', 'card is not locked');
      card.status = 'INACTIVE';
      return ok(cardView(m, card));
    },
  ],
  [
    'POST',
    /^\/giftcards\/([^/]+)\/expiry$/,
    (m, [code], b) => {
      const card = m.card(code ?? '');
      card.expiresOn = new Date(String(b.expiresOn)).toISOString();
      return ok(cardView(m, card));
    },
  ],
  [
    'POST',
    /^\/giftcards\/([^/]+)\/authorize$/,
    (m, [code], b) =>
      ok(m.authorize(code ?? '', cents(String(b.amount)), memo(b), Number(b.ttl ?? 900)), 201),
  ],
  [
    'GET',
    /^\/authorizations\/([^/]+)$/,
    (m, [a]) => {
      const auth = m.auths.get(a ?? '');
      if (!auth) throw new VendorError(404, 'AUTH_NOT_FOUND', 'no such authorization');
      m.reserved(m.card(auth.card));
      return ok(auth);
    },
  ],
  [
    'POST',
    /^\/authorizations\/([^/]+)\/settle$/,
    (m, [a], b) => {
      const txn = m.settle(a ?? '', b.amount === undefined ? undefined : cents(String(b.amount)));
      return ok(
        { txnId: txn.txnId, amount: decimal(txn.cents), balance: decimal(m.card(txn.card).balance) },
        201,
      );
    },
  ],
  [
    'POST',
    /^\/authorizations\/([^/]+)\/void$/,
    (m, [a]) => {
      const auth = m.pending(a ?? '');
      auth.status = 'VOIDED';
      return ok(auth);
    },
  ],
  [
    'POST',
    /^\/transactions\/([^/]+)\/reverse$/,
    (m, [t], b) => {
      const txn = m.reverse(t ?? '', b.amount === undefined ? undefined : cents(String(b.amount)), memo(b));
      return ok(
        { txnId: txn.txnId, reversed: decimal(txn.reversed), balance: decimal(m.card(txn.card).balance) },
        201,
      );
    },
  ],
];

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function read(req: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return text;
}

export interface ForeignVendor {
  url: string;
  close(): Promise<void>;
}

export async function startForeignVendor(port = 0): Promise<ForeignVendor> {
  const merchants = new Map<string, Merchant>();
  const server = createServer(async (req, res) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    const text = await read(req);
    if (req.method === 'POST' && path === '/merchants') {
      const key = `mk_${randomUUID().replaceAll('-', '')}`;
      merchants.set(key, new Merchant());
      return send(res, 201, { merchantKey: key });
    }
    const merchant = merchants.get(String(req.headers['x-merchant-key'] ?? ''));
    if (!merchant)
      return send(res, 401, { result: 'ERROR', reason: 'BAD_MERCHANT', message: 'unknown merchant key' });
    const route = routes.find(([method, pattern]) => method === req.method && pattern.test(path));
    if (!route) return send(res, 404, { result: 'ERROR', reason: 'NO_SUCH_CALL', message: path });
    const ref = req.headers['x-request-ref'] ? `${path} ${req.headers['x-request-ref']}` : undefined;
    const seen = ref ? merchant.refs.get(ref) : undefined;
    if (seen) {
      if (seen.fingerprint !== text)
        return send(res, 409, { result: 'ERROR', reason: 'DUPLICATE_REF', message: 'reference reused' });
      return send(res, seen.status, seen.body);
    }
    try {
      const answer = route[2](
        merchant,
        route[1].exec(path)?.slice(1) ?? [],
        text ? (JSON.parse(text) as Body) : {},
      );
      if (ref) merchant.refs.set(ref, { fingerprint: text, status: answer.status, body: answer.body });
      send(res, answer.status, answer.body);
    } catch (e) {
      const err = e instanceof VendorError ? e : new VendorError(500, 'SYSTEM', (e as Error).message);
      send(res, err.http, { result: 'DECLINED', reason: err.reason, message: err.message, ...err.extra });
    }
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
