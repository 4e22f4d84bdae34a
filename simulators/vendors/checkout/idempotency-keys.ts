/**
 * The shop's Idempotency-Key records. The first request with a key runs; a later (or concurrent) one
 * with the same key and the same request gets the same answer, refusals included; the same key on
 * another request is IDEMPOTENCY_KEY_CONFLICT. An INVALID_REQUEST answer is not kept (nothing ran).
 */
import { CheckoutError } from './checkout-error.ts';
import type { Answer } from './route.ts';

interface Entry {
  request: string;
  answer: Promise<Answer>;
}

export class IdempotencyKeys {
  readonly #entries = new Map<string, Entry>();

  /** request identifies what was asked (method, path and body); work never rejects. */
  run(key: string, request: string, work: () => Promise<Answer>): Promise<Answer> {
    const seen = this.#entries.get(key);
    if (seen) {
      if (seen.request === request) return seen.answer;
      const conflict = new CheckoutError(
        'IDEMPOTENCY_KEY_CONFLICT',
        'this Idempotency-Key was used for another request',
      );
      return Promise.resolve(conflict.answer());
    }
    const answer = work();
    this.#entries.set(key, { request, answer });
    answer.then(
      (a) => {
        if (a.status === 400) this.#entries.delete(key);
      },
      () => this.#entries.delete(key),
    );
    return answer;
  }
}
