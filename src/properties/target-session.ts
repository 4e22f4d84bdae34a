import type { Capability } from '../../spec/capabilities.ts';
import type { Arranged, ProviderStateName, StateParams } from '../../spec/provider-states.ts';
import type { Completion } from '../driver/completion.ts';
import type { Driver, Session } from '../driver/driver.ts';
import type { AnyOperation, Operation, OperationId, ResultOf } from '../driver/operation.ts';
import { defaultRole, routeOf } from '../driver/route-table.ts';
import {
  type ArrangeStep,
  type CallStep,
  emptyTranscript,
  type Transcript,
} from '../reproducers/transcript.ts';

export interface Identifiers {
  number: string;
  barcode: string;
  magstripe: string;
  qr: string;
}

/** The money requests a resend may repeat (RD-06): every one that moves or reserves money. */
const resendable = new Set<OperationId>([
  'redeem',
  'createHold',
  'captureHold',
  'releaseHold',
  'refundRedemption',
  'topUp',
]);

/**
 * What identifies an answer for RD-06: its status and the id it gave, or its status and refusal code. A
 * replay gives the first answer, whatever happened since (the balance in its body is the first one's).
 */
export function answerText(answer: Exclude<Completion<unknown>, { completion: 'info' }>): string {
  if (answer.completion === 'fail') return `${answer.status} ${answer.problem.code}`;
  const id = (answer.body as { id?: unknown } | null)?.id;
  return `${answer.status}${typeof id === 'string' ? ` ${id}` : ''}`;
}

/** Sessions of this process, numbered: arranged voucher types are named per session (see typeKey). */
let sessions = 0;

/**
 * The system side of a model run: the driver, one tenant, the target's ids for the model's vouchers,
 * holds and redemptions (by the model's ref), and the transcript of what was arranged and sent.
 */
export class TargetSession {
  readonly driver: Driver;
  readonly session: Session;
  readonly capabilities: ReadonlySet<Capability>;
  readonly vouchers: Array<{ id: string; alias: string; identifiers?: Identifiers }> = [];
  readonly holds: Array<{ id: string; actor: string }> = [];
  readonly redemptions: Array<{ id: string }> = [];
  readonly templates = new Map<string, { id: string; alias: string }>();
  readonly transcript: Transcript;
  /** Money requests sent with an Idempotency-Key and answered for certain, with how: for resending. */
  readonly sent: Array<{ operation: AnyOperation; key: string; answer: string; refused: boolean }> = [];
  /** The target's time (ms) at the model's second 0, learnt from a voucher's dates: for absolute timestamps. */
  epochMs: number | undefined;
  readonly #number = ++sessions;
  readonly #typeKeys = new Map<string, string>();
  readonly #keys = new Set<string>();
  readonly #stepOf = new WeakMap<object, CallStep>();
  /** Requests in flight now, and the number of the group they belong to (see CallStep.together). */
  #inFlight = 0;
  #group = 0;

  constructor(driver: Driver, session: Session, capabilities: Iterable<Capability>) {
    this.driver = driver;
    this.session = session;
    this.capabilities = new Set(capabilities);
    this.transcript = emptyTranscript(driver.name, session.isolated);
  }

  voucher(ref: number): TargetSession['vouchers'][number] {
    return this.vouchers[ref] ?? missing('voucher', ref);
  }

  hold(ref: number): TargetSession['holds'][number] {
    return this.holds[ref] ?? missing('hold', ref);
  }

  redemption(ref: number): TargetSession['redemptions'][number] {
    return this.redemptions[ref] ?? missing('redemption', ref);
  }

  /**
   * The provider-state key of a kind of voucher in this session: one type per kind and session, named
   * apart from every other session's (a driver may keep the types it arranged across tenants).
   */
  typeKey(kind: string): { key: string; fresh: boolean } {
    const known = this.#typeKeys.get(kind);
    if (known) return { key: known, fresh: false };
    const key = `K${this.#typeKeys.size + 1}-s${this.#number}`;
    this.#typeKeys.set(kind, key);
    return { key, fresh: true };
  }

  /** Invokes one operation through the driver seam and records it. */
  async call<Id extends OperationId>(operation: Operation<Id>): Promise<Completion<ResultOf<Id>>> {
    const auth = operation.auth;
    const role: CallStep['auth'] =
      auth === 'none'
        ? 'none'
        : auth && 'role' in auth
          ? auth.role
          : auth
            ? 'wrong-key'
            : (defaultRole(routeOf(operation.operationId)) ?? 'none');
    const step: CallStep = {
      kind: 'call',
      operationId: operation.operationId,
      auth: role,
      params: operation.params as Record<string, string> | undefined,
      query: operation.query as Record<string, string> | undefined,
      body: operation.body,
      idempotencyKey: operation.idempotencyKey,
      binds: [],
      status: null,
    };
    // Recorded before the answer, so that a request whose answer never comes is in the transcript too.
    this.transcript.steps.push(step);
    if (this.#inFlight === 0) this.#group += 1;
    step.together = this.#group;
    this.#inFlight += 1;
    let answer: Completion<ResultOf<Id>>;
    try {
      answer = await this.driver.invoke(operation);
    } finally {
      this.#inFlight -= 1;
    }
    step.idempotencyKey = answer.idempotencyKey ?? operation.idempotencyKey;
    step.status = answer.completion === 'info' ? null : answer.status;
    step.code = answer.completion === 'fail' ? answer.problem.code : undefined;
    this.#stepOf.set(answer, step);
    const key = answer.idempotencyKey ?? operation.idempotencyKey;
    if (
      key &&
      resendable.has(operation.operationId) &&
      answer.completion !== 'info' &&
      !this.#keys.has(key)
    ) {
      this.#keys.add(key);
      this.sent.push({
        operation: operation as unknown as AnyOperation,
        key,
        answer: answerText(answer),
        refused: answer.completion === 'fail',
      });
    }
    return answer;
  }

  /** Asks the driver for a provider state (arrangement, never certified) and records it for the replays. */
  async arrange<S extends ProviderStateName>(state: S, params: StateParams<S>): Promise<Arranged<S>> {
    const step: ArrangeStep = { kind: 'arrange', state, params, binds: [] };
    this.transcript.steps.push(step);
    try {
      const result = await this.driver.arrange(state, params);
      step.result = result;
      return result;
    } catch (error) {
      step.error = `${(error as Error).name}: ${(error as Error).message}`;
      throw error;
    }
  }

  /**
   * Names an id an answer gave (`jq` reads it from that answer), so the renderings can reuse it: the
   * answer named, else the last step (requests in flight together name their own answer).
   */
  bind(name: string, jq: string, value: string, answer?: object): void {
    const step = answer ? this.#stepOf.get(answer) : this.transcript.steps.at(-1);
    step?.binds.push({ name, jq, value });
  }

  /** A Gherkin line for the rendering of this run ("When …", "Then …", "And …"). */
  say(line: string): void {
    this.transcript.gherkin.push(line);
  }
}

function missing(what: string, ref: number): never {
  throw new Error(`the run knows no ${what} ${ref + 1}: model and session out of step`);
}
