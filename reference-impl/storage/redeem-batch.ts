import type pg from 'pg';
import { type RedeemNow, retryable } from './redeem-now.ts';

/**
 * Items a batch holds at most: each is a subtransaction, and a backend keeps 64 of them in its cache
 * before every snapshot of every backend has to look them up elsewhere.
 */
export const batchLimit = 32;

interface Waiting {
  item: RedeemNow;
  done: (balanceAfter: number | null) => void;
  fail: (error: unknown) => void;
}

export interface Batcher {
  /** The balance after the redemption when it committed, null when it wrote nothing (the service decides). */
  redeem(item: RedeemNow): Promise<number | null>;
}

const text = 'SELECT redeem_batch($1) AS answers';
const byVoucher = (a: Waiting, b: Waiting) =>
  a.item.voucherId < b.item.voucherId ? -1 : a.item.voucherId > b.item.voucherId ? 1 : 0;

/**
 * Group commit for one-step redemptions: those that arrive while a batch is at the database wait, and
 * go together as the next one (migrations/005_redeem_batch.sql: each item is redeem_now in its own
 * subtransaction, all commit in one). One batch at a time: redemptions of one hot voucher queue here
 * instead of on its row lock, and every batch commits as many as arrived meanwhile. Items are sorted by
 * voucher, so a batch locks its vouchers in the order any other batch would.
 */
export function redeemBatcher(pool: Pick<pg.Pool, 'query'>): Batcher {
  const waiting: Waiting[] = [];
  let atDatabase = false;
  let sendScheduled = false;
  const send = () => {
    sendScheduled = false;
    if (atDatabase || waiting.length === 0) return;
    atDatabase = true;
    const batch = waiting.splice(0, batchLimit).sort(byVoucher);
    const items = batch.map(({ item }) => ({ ...item, now: item.now.toISOString() }));
    pool
      .query({ name: 'redeem-batch', text, values: [JSON.stringify(items)] })
      .then(
        ({ rows }) => {
          const answers = rows[0].answers as Array<string | number | null>;
          batch.forEach((w, i) => {
            const answer = answers[i];
            w.done(answer === null || answer === undefined ? null : Number(answer));
          });
        },
        (error) => {
          // A deadlock or serialization failure rolled every item back: the service decides each.
          const code = (error as { code?: string }).code;
          for (const w of batch) code && retryable.has(code) ? w.done(null) : w.fail(error);
        },
      )
      .finally(() => {
        atDatabase = false;
        send();
      });
  };
  return {
    redeem(item) {
      return new Promise((done, fail) => {
        waiting.push({ item, done, fail });
        // The redemptions read in this turn of the event loop go together (or wait for the batch at the
        // database, whose answer sends them).
        if (!sendScheduled) {
          sendScheduled = true;
          setImmediate(send);
        }
      });
    },
  };
}
