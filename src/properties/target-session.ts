import type { Capability } from '../../spec/capabilities.ts';
import type { Completion } from '../driver/completion.ts';
import type { Driver, Session } from '../driver/driver.ts';
import type { Operation, OperationId, ResultOf } from '../driver/operation.ts';
import { defaultRole, routeOf } from '../driver/route-table.ts';
import { emptyTranscript, type Transcript, type TranscriptStep } from './transcript.ts';

export interface Identifiers {
  number: string;
  barcode: string;
  magstripe: string;
  qr: string;
}

/**
 * The system side of a model run: the driver, one fresh tenant, the target's ids for the model's
 * vouchers, holds and redemptions (by the model's ref), and the transcript of what was sent.
 */
export class TargetSession {
  readonly driver: Driver;
  readonly session: Session;
  readonly capabilities: ReadonlySet<Capability>;
  readonly vouchers: Array<{ id: string; alias: string; identifiers: Identifiers }> = [];
  readonly holds: Array<{ id: string; actor: string }> = [];
  readonly redemptions: Array<{ id: string }> = [];
  readonly templates = new Map<string, { id: string; alias: string }>();
  readonly transcript: Transcript = emptyTranscript();
  /** The target's time (ms) at the model's second 0, learnt from the first issue: for absolute timestamps. */
  epochMs: number | undefined;

  constructor(driver: Driver, session: Session, capabilities: Iterable<Capability>) {
    this.driver = driver;
    this.session = session;
    this.capabilities = new Set(capabilities);
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

  /** Invokes one operation through the driver seam and records it. */
  async call<Id extends OperationId>(operation: Operation<Id>): Promise<Completion<ResultOf<Id>>> {
    const answer = await this.driver.invoke(operation);
    const auth = operation.auth;
    const role: TranscriptStep['auth'] =
      auth === 'none'
        ? 'none'
        : auth && 'role' in auth
          ? auth.role
          : auth
            ? 'wrong-key'
            : (defaultRole(routeOf(operation.operationId)) ?? 'none');
    this.transcript.steps.push({
      operationId: operation.operationId,
      auth: role,
      params: operation.params as Record<string, string> | undefined,
      query: operation.query as Record<string, string> | undefined,
      body: operation.body,
      binds: [],
      status: answer.completion === 'info' ? null : answer.status,
      code: answer.completion === 'fail' ? answer.problem.code : undefined,
    });
    return answer;
  }

  /** Names an id the last answer gave (`jq` reads it from that answer), so the curl rendering can reuse it. */
  bind(name: string, jq: string, value: string): void {
    this.transcript.steps.at(-1)?.binds.push({ name, jq, value });
  }

  /** A Gherkin line for the rendering of this run ("When …", "Then …", "And …"). */
  say(line: string): void {
    this.transcript.gherkin.push(line);
  }
}

function missing(what: string, ref: number): never {
  throw new Error(`the run knows no ${what} ${ref + 1}: model and session out of step`);
}
