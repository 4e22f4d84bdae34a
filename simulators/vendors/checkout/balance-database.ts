/**
 * The account rows of the shop's gift cards, behind a simulated database round trip: a read sees the
 * row as it is when the query is sent and answers latencyMs later; a write lands latencyMs after it is
 * sent. Between the two, other requests run, so an unlocked read-check-write really loses updates.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export class BalanceDatabase {
  readonly #rows = new Map<string, number>();
  readonly #latencyMs: number;

  constructor(latencyMs: number) {
    this.#latencyMs = latencyMs;
  }

  async read(cardId: string): Promise<number> {
    const cents = this.#rows.get(cardId) ?? 0;
    await sleep(this.#latencyMs);
    return cents;
  }

  async write(cardId: string, cents: number): Promise<void> {
    await sleep(this.#latencyMs);
    this.#rows.set(cardId, cents);
  }

  /** A relative update (`balance = balance + delta`), applied to the row as it is when it lands. */
  async adjust(cardId: string, delta: number): Promise<void> {
    await sleep(this.#latencyMs);
    this.#rows.set(cardId, (this.#rows.get(cardId) ?? 0) + delta);
  }
}
