import type { Capability, Policy } from '../../../spec/capabilities.ts';
import { type Completion, describeCompletion } from '../../driver/completion.ts';
import type { Driver } from '../../driver/driver.ts';
import type { OperationId } from '../../driver/operation.ts';
import { breachText } from '../commands/expect-answer.ts';
import { isNotClaimed } from '../not-claimed.ts';
import { SetUpFailure } from '../set-up-failure.ts';
import { TargetSession } from '../target-session.ts';
import { eur, fixtureRequests, receipt, tenderConfig } from './fixture-requests.ts';

export interface ValidRequest {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
}

/** A tenant with something of every kind the target claims for the operations to act on, and a valid request for each. */
export interface NegativeFixture {
  session: TargetSession;
  /** A valid request for every operation that takes a body (mutating or not) the target claims. */
  valid: Partial<Record<OperationId, ValidRequest>>;
  /** A valid request for every claimed read of the tenant's resources and reports. */
  reads: Partial<Record<OperationId, ValidRequest>>;
  /** The ids and numbers the fixture made, for generators that should name something that exists. */
  known: { voucherType?: string; vouchers: string[]; numbers: string[] };
  /** Reads that together show the tenant's whole state: its vouchers, ledgers, hold, payment, template. */
  snapshot(): Promise<string>;
}

/** Fixtures made in this process: each names its voucher type apart. */
let fixtures = 0;

const preferredPolicies: readonly Policy[] = [
  'balance-guard',
  'amount-holds',
  'exclusive-hold',
  'redeem-entire',
];

/**
 * The fixture behind negative data, positive data and access: vouchers the driver arranges (an activated
 * one, and a prepared one when the target sells in two phases), a voucher type and template only when it
 * claims templates, an open hold only with holds, a payment (one step, or a captured hold) and the tender
 * configuration when claimed. A set-up call refused or answered outside the contract stops it with a
 * SetUpFailure that shows the answer and the transcript up to it.
 */
export async function negativeFixture(driver: Driver): Promise<NegativeFixture> {
  const claimed = new Set<Capability>(await driver.capabilities());
  const has = (c: Capability) => claimed.has(c);
  const r = new TargetSession(driver, await driver.setup(), claimed);
  /** A set-up call that must succeed inside the contract; `name` binds the answer's id for the replays. */
  const must = async <T>(what: string, p: Promise<Completion<T>>, name?: string): Promise<T> => {
    const answer = await p;
    if (answer.violations?.length)
      throw new SetUpFailure(`fixture: ${what}: ${breachText(answer)}`, r.transcript);
    if (answer.completion !== 'ok')
      throw new SetUpFailure(`fixture: ${what} failed: ${describeCompletion(answer)}`, r.transcript);
    const id = (answer.body as { id?: unknown }).id;
    if (name && typeof id === 'string') r.bind(name, '.id', id, answer);
    return answer.body;
  };
  // The most permissive claimed policy: an open hold and a payment on other vouchers never collide.
  const policy: Policy = preferredPolicies.find((p) => has(p)) ?? 'balance-guard';
  // A type of its own (a driver may keep the types it arranged across tenants, by key).
  fixtures += 1;
  const type = {
    key: `NEG${fixtures}-${Date.now().toString(36)}`,
    currency: 'EUR',
    policy,
    validityDays: 365,
  };
  const kind = { ...type, reusable: true, topUpAllowed: has('top-up'), holdTtlSeconds: 86_400 };
  const arrange = async (name: string, state: 'activated' | 'prepared'): Promise<string> => {
    try {
      const { voucherId } = await r.arrange('voucher', { type: kind, state, amount: eur(5000) });
      r.bind(name, '.voucherId', voucherId);
      return voucherId;
    } catch (error) {
      if (isNotClaimed(error)) throw error;
      throw new SetUpFailure(
        `fixture: arranging a ${state} voucher: ${(error as Error).message}`,
        r.transcript,
      );
    }
  };
  const active = await arrange('ACTIVE', 'activated');
  const prepared = has('two-phase-sale') ? await arrange('PREPARED', 'prepared') : undefined;
  const templates = has('templates')
    ? await (async () => {
        const made = await must(
          'createVoucherType',
          r.call({
            operationId: 'createVoucherType',
            auth: { role: 'backoffice' },
            body: {
              code: type.key,
              name: 'Negative data',
              currency: 'EUR',
              productCode: 'GIFT',
              validityDays: 365,
              reusable: true,
              topUpAllowed: has('top-up'),
              policy,
              holdTtlSeconds: 86_400,
            },
          }),
          'TYPE',
        );
        const template = await must(
          'createTemplate',
          r.call({
            operationId: 'createTemplate',
            auth: { role: 'backoffice' },
            body: { voucherTypeId: made.id, code: type.key, numberPrefix: 'N', capacity: 10 },
          }),
          'TEMPLATE',
        );
        return { typeId: made.id, templateId: template.id };
      })()
    : undefined;
  const hold = has('holds')
    ? await must(
        'createHold',
        r.call({
          operationId: 'createHold',
          auth: { role: 'pos' },
          params: { id: active },
          body: { amount: eur(700), receipt },
        }),
        'HOLD',
      )
    : undefined;
  // A payment on a voucher of its own, so that the open hold above never stands in its way.
  const spent = has('one-step-redeem') || hold ? await arrange('SPENT', 'activated') : undefined;
  const paid = !spent
    ? undefined
    : has('one-step-redeem')
      ? await must(
          'redeem',
          r.call({
            operationId: 'redeem',
            auth: { role: 'pos' },
            params: { id: spent },
            body: { amount: eur(300), receipt },
          }),
          'PAID',
        )
      : await (async () => {
          const second = await must(
            'createHold',
            r.call({
              operationId: 'createHold',
              auth: { role: 'pos' },
              params: { id: spent },
              body: { amount: eur(300), receipt },
            }),
            'HOLD_PAID',
          );
          return must(
            'captureHold',
            r.call({
              operationId: 'captureHold',
              auth: { role: 'pos' },
              params: { id: second.id },
              body: {},
            }),
            'PAID',
          );
        })();
  if (has('tenders'))
    await must(
      'loadTenderConfig',
      r.call({ operationId: 'loadTenderConfig', auth: { role: 'backoffice' }, body: tenderConfig }),
    );
  const view = has('identifiers')
    ? await must(
        'getVoucher',
        r.call({ operationId: 'getVoucher', auth: { role: 'pos' }, params: { id: active } }),
      )
    : undefined;
  const { valid, reads } = fixtureRequests(claimed, {
    active,
    typeKey: type.key,
    policy,
    ...(prepared ? { prepared } : {}),
    ...(templates ? { templates } : {}),
    ...(hold ? { hold: hold.id } : {}),
    ...(paid ? { paid: paid.id } : {}),
    ...(view?.number !== undefined ? { number: view.number } : {}),
  });
  const vouchers = [active, ...(prepared ? [prepared] : []), ...(spent ? [spent] : [])];
  const read = async (p: Promise<unknown>) => JSON.stringify(await p);
  const snapshot = async () =>
    (
      await Promise.all([
        ...vouchers.map((id) => read(driver.invoke({ operationId: 'getVoucher', params: { id } }))),
        ...(has('ledger')
          ? vouchers.map((id) => read(driver.invoke({ operationId: 'getLedger', params: { id } })))
          : []),
        ...(hold ? [read(driver.invoke({ operationId: 'getHold', params: { id: hold.id } }))] : []),
        ...(templates
          ? [read(driver.invoke({ operationId: 'getTemplate', params: { id: templates.templateId } }))]
          : []),
        ...(paid ? [read(driver.invoke({ operationId: 'getRedemption', params: { id: paid.id } }))] : []),
        ...(has('tenders') ? [read(driver.invoke({ operationId: 'getTenderConfig' }))] : []),
      ])
    ).join('\n');
  const known = {
    ...(templates ? { voucherType: templates.typeId } : {}),
    vouchers,
    numbers: view?.number === undefined ? [] : [view.number],
  };
  return { session: r, valid, reads, known, snapshot };
}
