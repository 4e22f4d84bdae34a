import { viewMismatches } from '../model/view-mismatches.ts';
import { kindKey, newModelVoucher, type VoucherKind, type VoucherModel } from '../model/voucher-model.ts';
import { moneyText } from '../render/money-text.ts';
import type { TargetSession } from '../target-session.ts';
import { expectAnswer, expectNoMismatch, ModelMismatch } from './expect-answer.ts';
import { identifiersOf } from './identifiers-of.ts';
import { sayOutcome } from './say-outcome.ts';
import type { VoucherCommand } from './voucher-command.ts';

const capacity = 3;

/**
 * LC-01..03: issue vouchers of a kind from its template set (created on first use, capacity 3). Only
 * generated when the target claims templates and the two-phase sale: the command is about them.
 */
export class IssueCommand implements VoucherCommand {
  readonly kind: VoucherKind;
  readonly denomination: number;
  readonly count: number;

  constructor(kind: VoucherKind, denomination: number, count: number) {
    this.kind = kind;
    this.denomination = denomination;
    this.count = count;
  }

  check = (): boolean => true;

  async run(m: VoucherModel, r: TargetSession): Promise<void> {
    const key = kindKey(this.kind);
    const template = await ensureTemplate(r, this.kind, key);
    const model = m.templates.get(key) ?? { kindKey: key, capacity, issued: 0 };
    m.templates.set(key, model);
    const predicted = model.issued + this.count > model.capacity ? 'template_capacity_exhausted' : null;
    r.say(
      `When the back office issues ${this.count} voucher(s) of ${moneyText(this.denomination, 'EUR')} from template "${template.alias}"`,
    );
    const answer = await r.call({
      operationId: 'issueVouchers',
      auth: { role: 'backoffice' },
      params: { id: template.id },
      body: { count: this.count, denomination: { amount: this.denomination, currency: 'EUR' } },
    });
    sayOutcome(r, 'the issue', predicted);
    expectAnswer('issueVouchers', answer, predicted);
    if (answer.completion !== 'ok') return;
    if (answer.body.vouchers.length !== this.count) {
      throw new ModelMismatch(`issueVouchers: ${this.count} asked, ${answer.body.vouchers.length} issued`);
    }
    model.issued += this.count;
    r.epochMs ??= Date.parse(answer.body.vouchers[0]?.issuedAt ?? '') - m.now * 1000;
    for (const [i, body] of answer.body.vouchers.entries()) {
      r.bind(`V${m.vouchers.length + 1}`, `.vouchers[${i}].id`, body.id);
      const v = newModelVoucher(m, this.kind, this.denomination, 'prepared');
      m.vouchers.push(v);
      expectNoMismatch(`issued voucher V${v.ref + 1}`, viewMismatches(m, v, body));
      const identifiers = r.capabilities.has('identifiers') ? identifiersOf(body) : undefined;
      if (identifiers) assertUniqueIdentifiers(r, identifiers);
      r.vouchers.push({
        id: body.id,
        alias: `${template.alias}#${model.issued - this.count + i + 1}`,
        identifiers,
      });
    }
  }

  toString(): string {
    return `issue(${kindKey(this.kind)}; ${this.denomination}; x${this.count})`;
  }
}

/** LC-02: every identifier of every voucher is unique. */
function assertUniqueIdentifiers(r: TargetSession, ids: object): void {
  for (const other of r.vouchers) {
    for (const [k, value] of Object.entries(ids) as [string, string][]) {
      if (Object.values(other.identifiers ?? {}).includes(value)) {
        throw new ModelMismatch(`identifier ${k} ${value} is also voucher ${other.alias}'s`);
      }
    }
  }
}

async function ensureTemplate(r: TargetSession, kind: VoucherKind, key: string) {
  const known = r.templates.get(key);
  if (known) return known;
  // Named apart from every other session's: a tenant shared between runs already has earlier codes.
  const name = r.typeKey(`issue:${key}`).key;
  const alias = `T-${name}`;
  r.say(`Given a voucher type "${name}" with:`);
  r.say(`  | policy           | ${kind.policy} |`);
  r.say(`  | reusable         | ${kind.reusable ? 'yes' : 'no'} |`);
  r.say(`  | top-up           | ${kind.topUpAllowed ? 'yes' : 'no'} |`);
  r.say(`  | validity days    | ${kind.validityDays} |`);
  r.say(`  | hold ttl seconds | ${kind.holdTtlSeconds} |`);
  r.say(`And a template "${alias}" of voucher type "${name}" with capacity ${capacity}`);
  const type = await r.call({
    operationId: 'createVoucherType',
    auth: { role: 'backoffice' },
    body: {
      code: name,
      name: `Property kind ${name}`,
      currency: 'EUR',
      productCode: 'GIFT',
      ...kind,
    },
  });
  expectAnswer('createVoucherType', type, null);
  if (type.completion !== 'ok') throw new ModelMismatch('createVoucherType refused');
  r.bind(name.replaceAll('-', '_'), '.id', type.body.id);
  const template = await r.call({
    operationId: 'createTemplate',
    auth: { role: 'backoffice' },
    body: { voucherTypeId: type.body.id, code: alias, numberPrefix: 'PB', capacity },
  });
  expectAnswer('createTemplate', template, null);
  if (template.completion !== 'ok') throw new ModelMismatch('createTemplate refused');
  r.bind(alias.replaceAll('-', '_'), '.id', template.body.id);
  const entry = { id: template.body.id, alias };
  r.templates.set(key, entry);
  return entry;
}
