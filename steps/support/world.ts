import { randomBytes } from 'node:crypto';
import { type IWorldOptions, setWorldConstructor, World } from '@cucumber/cucumber';
import type { Role } from '../../spec/capabilities.ts';
import type { Ledger } from '../../spec/schemas/ledger.ts';
import type { Hold, Redemption } from '../../spec/schemas/redemption.ts';
import type { Template, Voucher } from '../../spec/schemas/voucher.ts';
import type { Completion } from '../../src/driver/completion.ts';
import { type DriverChoice, openDriver } from '../../src/driver/create-driver.ts';
import type { Driver, Session } from '../../src/driver/driver.ts';
import type { Operation, OperationId, ResultOf } from '../../src/driver/operation.ts';
import { answerText } from '../../src/evidence/answer-text.ts';
import { EvidenceRecorder } from '../../src/evidence/evidence-recorder.ts';
import { CapabilityNeeds } from './capability-needs.ts';
import type { KnownType } from './voucher-setup.ts';

/** The cucumber `worldParameters` of a run. */
export interface VcertParameters {
  target: string;
  adapter?: string;
  apiKeys?: Partial<Record<Role, string>>;
  /** Capability names the target claims; when absent they are read from GET /capabilities. */
  capabilities?: string[];
  /** Attach what each step did and which capabilities that needs (the suite's self-test). */
  trace?: boolean;
  timeoutMs?: number;
}

/** One voucher as the scenario knows it: its id, and whether the scenario's keys can read it. */
export interface KnownVoucher {
  id: string;
  readable: boolean;
  /** The driver of the retailer the voucher belongs to, when it is not the scenario's own. */
  via?: Driver;
}

/**
 * The state of one scenario: the driver, its session (own tenant or vendor keys), and what the
 * scenario has named so far. Steps stay thin; the helpers that need several calls live beside this.
 */
export class VoucherWorld extends World<VcertParameters> {
  /** The scenario's driver: an answer outside the contract fails the step that met it (strictDriver). */
  driver!: Driver;
  /** The same driver without that check: for races, whose checkers judge such answers themselves. */
  rawDriver!: Driver;
  session!: Session;
  claimed = new Set<string>();
  /** Context (Given), Action (When) or Outcome (Then), from the step being run. */
  phase = 'Unknown';
  /** Makes codes unique when the scenario shares a tenant with others. */
  readonly suffix = randomBytes(4).toString('hex');
  readonly types = new Map<string, KnownType>();
  readonly templates = new Map<string, Template>();
  /** Every exchange with the target, step by step: a failing step's evidence and the reproducer. */
  readonly evidence = new EvidenceRecorder();
  /** What the steps need beyond the core, step by step (see capability-needs.ts). */
  readonly needs = new CapabilityNeeds();
  readonly vouchers = new Map<string, KnownVoucher>();
  /** The legal entity of each store the scenario names, by the store's name (support/places.ts). */
  readonly legalEntities = new Map<string, string>();
  readonly issued = new Map<string, Voucher[]>();
  /** The open (or last) hold of each actor, by actor label. */
  readonly holds = new Map<string, Hold>();
  /** The receipt number each hold was asked for, by hold id (an answer need not repeat it). */
  readonly holdReceipts = new Map<string, string>();
  /** Redemptions by receipt number, and the last one as "last". */
  readonly payments = new Map<string, Redemption>();
  readonly snapshots = new Map<string, { voucher: unknown; ledger: unknown }>();
  /** Actors whose connection to the central service is down, with the driver they use meanwhile. */
  readonly offline = new Map<string, Driver>();
  /** Drivers of other retailers' actors (their own tenant and keys), by actor label. */
  readonly retailers = new Map<string, Driver>();
  /** A refused request kept for a retry later in the scenario, with its answer. */
  refused: { request: Operation; answer: Completion } | undefined;
  /** Extra drivers (other tenants, unreachable links) closed after the scenario. */
  readonly extraDrivers: Driver[] = [];
  last: Completion | undefined;
  lastRequest: Operation | undefined;
  /** The answers to a repeated request, first and second. */
  answers: Completion[] = [];
  race: Completion[] = [];
  #receiptSeq = 0;

  constructor(options: IWorldOptions<VcertParameters>) {
    super(options);
  }

  /**
   * Another driver for this scenario (through a fault proxy, to an unreachable address): its exchanges
   * are evidence too, marked with where they went; it is closed after the scenario.
   */
  async openDriver(choice: DriverChoice, via: string): Promise<Driver> {
    const driver = await openDriver({ ...choice, onExchange: this.evidence.listener });
    this.extraDrivers.push(driver);
    return this.evidence.wrap(driver, via);
  }

  nextReceipt(): string {
    this.#receiptSeq += 1;
    return `R-${this.suffix}-${this.#receiptSeq}`;
  }

  /** A code unique to this scenario. */
  code(alias: string): string {
    return `${alias.replace(/[^A-Za-z0-9._-]/g, '-')}-${this.suffix}`.slice(0, 64);
  }

  /** Sends a request again: a retry of a payment is paying too (the core), whatever way it paid. */
  again<T>(work: () => Promise<T>): Promise<T> {
    return this.needs.lastWasPaying ? this.needs.paying(work) : work();
  }

  /** Notes a capability the scenario needs (an arranged policy, one-time vouchers). */
  need(capability: string, _why: string): void {
    this.needs.need(capability);
  }

  /** An action of the scenario: recorded as the last request and answer. */
  async call<Id extends OperationId>(
    operation: Operation<Id>,
    via?: Driver,
  ): Promise<Completion<ResultOf<Id>>> {
    const alias = this.aliasTouchedBy(operation);
    if (alias) await this.touch(alias);
    this.needs.operation(operation.operationId);
    const answer = await (via ?? this.driver).invoke(operation);
    this.lastRequest = {
      ...operation,
      idempotencyKey: answer.idempotencyKey ?? operation.idempotencyKey,
    } as Operation;
    this.last = answer;
    return answer;
  }

  /** A read or set-up call that must succeed; not recorded as the scenario's last answer. */
  async must<Id extends OperationId>(operation: Operation<Id>, via?: Driver): Promise<ResultOf<Id>> {
    this.needs.operation(operation.operationId);
    const answer = await (via ?? this.driver).invoke(operation);
    if (answer.completion !== 'ok') {
      throw new Error(`${operation.operationId} during set-up or check: ${answerText(answer)}`);
    }
    return answer.body;
  }

  voucherId(alias: string): string {
    const known = this.vouchers.get(alias);
    if (!known) throw new Error(`no voucher "${alias}" in this scenario`);
    return known.id;
  }

  remember(alias: string, voucher: { id: string }): void {
    this.vouchers.set(alias, { id: voucher.id, readable: true });
  }

  async readVoucher(alias: string): Promise<Voucher> {
    const voucher = await this.must(
      { operationId: 'getVoucher', params: { id: this.voucherId(alias) }, auth: { role: 'backoffice' } },
      this.vouchers.get(alias)?.via,
    );
    return voucher;
  }

  async readLedger(alias: string): Promise<Ledger> {
    return this.must(
      { operationId: 'getLedger', params: { id: this.voucherId(alias) }, auth: { role: 'backoffice' } },
      this.vouchers.get(alias)?.via,
    );
  }

  /** The voucher an operation acts on, by its path id: a voucher, a hold of it or a payment from it. */
  aliasTouchedBy(operation: { params?: unknown }): string | undefined {
    const id = (operation.params as { id?: string } | undefined)?.id;
    if (!id) return undefined;
    const voucherId =
      [...this.holds.values()].find((h) => h.id === id)?.voucherId ??
      [...this.payments.values()].find((p) => p.id === id)?.voucherId ??
      id;
    return [...this.vouchers].find(([, v]) => v.id === voucherId)?.[0];
  }

  /**
   * Before an action first touches a voucher, note it as it stands, for "exactly as it was": the
   * voucher, and its ledger when the target keeps one. The harness's own reads: not the scenario's.
   */
  async touch(alias: string): Promise<void> {
    if (this.phase !== 'Action' || this.snapshots.has(alias)) return;
    const known = this.vouchers.get(alias);
    if (!known?.readable) return;
    const snapshot = await this.needs.quietly(async () => ({
      voucher: await this.readVoucher(alias),
      ledger: this.claimed.has('ledger') ? await this.readLedger(alias) : null,
    }));
    this.snapshots.set(alias, snapshot);
  }

  /** The driver an actor reaches the service through (an unreachable one while offline). */
  via(label: string): Driver {
    return this.offline.get(label) ?? this.retailers.get(label) ?? this.driver;
  }

  requires(capability: string): void {
    if (!this.claimed.has(capability)) {
      throw new Error(
        `this step needs capability "${capability}"; tag the scenario @capability:${capability}`,
      );
    }
  }
}

setWorldConstructor(VoucherWorld);
