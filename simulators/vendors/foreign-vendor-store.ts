import { randomInt, randomUUID } from 'node:crypto';

/**
 * The state and rules of "GiftCardCo", a simulated vendor whose API has another shape than the contract:
 * cards instead of vouchers, authorizations that settle or void, decimal-string amounts, its own error
 * names. Authorizations reserve the amount (as card networks do).
 */
export type CardStatus = 'INACTIVE' | 'ACTIVE' | 'LOCKED' | 'CLOSED';

export interface Card {
  code: string;
  pan: string;
  track2: string;
  qr: string;
  programId: string;
  status: CardStatus;
  faceValue: number;
  balance: number;
  issuedOn: string;
  activatedOn: string | null;
  expiresOn: string;
  history: {
    n: number;
    type: string;
    cents: number;
    after: number;
    at: string;
    memo: string | null;
    txn: string | null;
  }[];
}

export interface Program {
  id: string;
  currency: string;
  reusable: boolean;
  validityDays: number;
}

export interface Authorization {
  authCode: string;
  card: string;
  cents: number;
  status: 'PENDING' | 'SETTLED' | 'VOIDED' | 'EXPIRED';
  memo: string | null;
  createdAt: string;
  expiresAt: string;
  txn: string | null;
}

export interface Txn {
  txnId: string;
  card: string;
  cents: number;
  reversed: number;
}

export class VendorError extends Error {
  readonly http: number;
  readonly reason: string;
  readonly extra: Record<string, string>;
  constructor(http: number, reason: string, message: string, extra: Record<string, string> = {}) {
    super(message);
    this.http = http;
    this.reason = reason;
    this.extra = extra;
  }
}

export const cents = (decimal: string): number => {
  const m = /^(\d+)\.(\d{2})$/.exec(decimal);
  if (!m) throw new VendorError(400, 'BAD_AMOUNT', `amount must look like 12.34, got ${decimal}`);
  return Number(m[1]) * 100 + Number(m[2]);
};
export const decimal = (c: number): string => `${Math.trunc(c / 100)}.${String(c % 100).padStart(2, '0')}`;

/** One merchant's cards, programs, authorizations and settlements. */
export class Merchant {
  readonly programs = new Map<string, Program>();
  readonly cards = new Map<string, Card>();
  readonly auths = new Map<string, Authorization>();
  readonly txns = new Map<string, Txn>();
  readonly refs = new Map<string, { fingerprint: string; status: number; body: unknown }>();

  card(code: string): Card {
    const card = this.cards.get(code);
    if (!card) throw new VendorError(404, 'CARD_NOT_FOUND', `no card ${code}`);
    return card;
  }

  record(card: Card, type: string, delta: number, memo: string | null, txn: string | null = null): void {
    card.balance += delta;
    card.history.push({
      n: card.history.length + 1,
      type,
      cents: delta,
      after: card.balance,
      at: new Date().toISOString(),
      memo,
      txn,
    });
  }

  issue(programId: string, quantity: number, faceValue: number): Card[] {
    const program = this.programs.get(programId);
    if (!program) throw new VendorError(404, 'PROGRAM_NOT_FOUND', `no program ${programId}`);
    const now = new Date();
    return Array.from({ length: quantity }, () => {
      const code = `GC${randomInt(1e9, 1e10 - 1)}${this.cards.size}`;
      const card: Card = {
        code,
        pan: `627${randomInt(1e12, 1e13 - 1)}`,
        track2: `;${code}=${randomInt(1e5, 1e6 - 1)}?`,
        qr: `giftcardco:${randomUUID()}`,
        programId,
        status: 'INACTIVE',
        faceValue,
        balance: 0,
        issuedOn: now.toISOString(),
        activatedOn: null,
        expiresOn: new Date(now.getTime() + program.validityDays * 86_400_000).toISOString(),
        history: [],
      };
      this.record(card, 'ISSUE', faceValue, null);
      this.cards.set(code, card);
      return card;
    });
  }

  /** Open authorizations whose time is up are voided; returns what is still reserved on the card. */
  reserved(card: Card): number {
    let sum = 0;
    for (const auth of this.auths.values()) {
      if (auth.card !== card.code || auth.status !== 'PENDING') continue;
      if (Date.parse(auth.expiresAt) <= Date.now()) auth.status = 'EXPIRED';
      else sum += auth.cents;
    }
    return sum;
  }

  usable(card: Card): void {
    if (card.status === 'LOCKED') throw new VendorError(423, 'CARD_LOCKED', 'card is locked');
    if (card.status === 'INACTIVE') throw new VendorError(409, 'CARD_INACTIVE', 'card was never activated');
    if (card.status === 'CLOSED') throw new VendorError(409, 'CARD_CLOSED', 'card is used up');
    if (Date.parse(card.expiresOn) <= Date.now())
      throw new VendorError(410, 'CARD_EXPIRED', 'card has expired');
  }

  authorize(code: string, amount: number, memo: string | null, ttlSeconds: number): Authorization {
    const card = this.card(code);
    this.usable(card);
    const available = card.balance - this.reserved(card);
    if (amount > available)
      throw new VendorError(402, 'NSF', 'not sufficient funds', { available: decimal(available) });
    const now = Date.now();
    const auth: Authorization = {
      authCode: `A${randomInt(1e8, 1e9 - 1)}${this.auths.size}`,
      card: code,
      cents: amount,
      status: 'PENDING',
      memo,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + ttlSeconds * 1000).toISOString(),
      txn: null,
    };
    this.auths.set(auth.authCode, auth);
    return auth;
  }

  pending(authCode: string): Authorization {
    const auth = this.auths.get(authCode);
    if (!auth) throw new VendorError(404, 'AUTH_NOT_FOUND', `no authorization ${authCode}`);
    this.reserved(this.card(auth.card));
    if (auth.status === 'EXPIRED') throw new VendorError(409, 'AUTH_EXPIRED', 'authorization timed out');
    if (auth.status !== 'PENDING')
      throw new VendorError(409, 'AUTH_CLOSED', `authorization is ${auth.status}`);
    return auth;
  }

  settle(authCode: string, amount: number | undefined): Txn {
    const auth = this.pending(authCode);
    const take = amount ?? auth.cents;
    if (take > auth.cents) throw new VendorError(409, 'OVER_AUTH', 'settlement above the authorized amount');
    const card = this.card(auth.card);
    const program = this.programs.get(card.programId);
    const txn: Txn = { txnId: randomUUID(), card: card.code, cents: take, reversed: 0 };
    auth.status = 'SETTLED';
    auth.txn = txn.txnId;
    this.txns.set(txn.txnId, txn);
    this.record(card, 'SETTLE', -take, auth.memo, txn.txnId);
    if (card.balance === 0 || !program?.reusable) card.status = 'CLOSED';
    return txn;
  }

  reverse(txnId: string, amount: number | undefined, memo: string | null): Txn {
    const txn = this.txns.get(txnId);
    if (!txn) throw new VendorError(404, 'TXN_NOT_FOUND', `no transaction ${txnId}`);
    const left = txn.cents - txn.reversed;
    const credit = amount ?? left;
    if (credit > left || credit === 0) {
      throw new VendorError(409, 'REVERSAL_EXCEEDS', 'reversal above what is left', {
        reversible: decimal(left),
      });
    }
    const card = this.card(txn.card);
    if (Date.parse(card.expiresOn) <= Date.now())
      throw new VendorError(410, 'CARD_EXPIRED', 'card has expired');
    if (card.status === 'LOCKED') throw new VendorError(423, 'CARD_LOCKED', 'card is locked');
    txn.reversed += credit;
    this.record(card, 'REVERSAL', credit, memo, txn.txnId);
    if (card.status === 'CLOSED' && card.balance > 0 && this.programs.get(card.programId)?.reusable)
      card.status = 'ACTIVE';
    return txn;
  }
}
