import assert from 'node:assert/strict';
import type { DataTable } from '@cucumber/cucumber';
import type { ExchangeVerdict, TenderReceipt } from '../spec/schemas/tenders.ts';
import type { Actor } from './support/actors.ts';
import { expectAccepted, expectRefused } from './support/expect.ts';
import type { Money } from './support/money.ts';
import { Given, Then, When } from './support/steps.ts';
import { setSwitch, tableHeadings, tableReaders } from './support/tender-config-tables.ts';
import {
  codeList,
  expectConfigFacts,
  expectConfigFactsInOrder,
  expectProblems,
  lastEvaluation,
  verdictLines,
} from './support/tender-expect.ts';
import { payInOutReceipt, receiptFromTable, saleReceipt } from './support/tender-receipt.ts';
import {
  configInForce,
  loadAsAction,
  loadWrittenConfig,
  tenderScenario,
  vendorFiles,
} from './support/tender-scenario.ts';
import type { VoucherWorld } from './support/world.ts';

const office = { role: 'backoffice' } as const;

// ---- Context: the configuration, written as tables in the contract's JSON form (TA-13) ----

/** "the tenders:", "the customer tender groups:", ...: rows added to that list (tender-config-tables.ts). */
Given(
  new RegExp(`^the (${tableHeadings.join('|')}):$`),
  function (this: VoucherWorld, heading: string, table: DataTable) {
    const scenario = tenderScenario(this);
    tableReaders[heading]?.(scenario.document, table);
    scenario.pending = true;
  },
);

for (const [state, on] of [
  ['on', true],
  ['off', false],
] as const) {
  /** allowedTendersConfigs.properties: AllowedTendersConfigs.Default.<name>=true|false */
  Given(`the switch {word} is ${state}`, function (this: VoucherWorld, name: string) {
    const scenario = tenderScenario(this);
    setSwitch(scenario.document, name, on);
    scenario.pending = true;
  });
}

// ---- Actions: the cashier asks; the back office loads ----

async function ask(world: VoucherWorld, actor: Actor, receipt: TenderReceipt): Promise<void> {
  await loadWrittenConfig(world);
  await world.call({ operationId: 'evaluateTenders', body: receipt, auth: { role: actor.role } });
}

When(
  '{actor} asks which tenders a sale of {money} may use',
  async function (this: VoucherWorld, actor: Actor, total: Money) {
    await ask(this, actor, saleReceipt(total));
  },
);

for (const kind of ['pay-in', 'pay-out'] as const) {
  When(
    `{actor} asks which tenders a ${kind} of {money} for reason {string} may use`,
    async function (this: VoucherWorld, actor: Actor, amount: Money, reason: string) {
      await ask(this, actor, payInOutReceipt(kind, amount, reason));
    },
  );
  When(
    `{actor} asks which tenders a ${kind} of {money} for reason {string} of group {string} may use`,
    async function (this: VoucherWorld, actor: Actor, amount: Money, reason: string, group: string) {
      await ask(this, actor, payInOutReceipt(kind, amount, reason, group));
    },
  );
}

/** Rows: transaction type, line items, total, customer, customer groups, tenders on the receipt, ... */
When(
  '{actor} asks which tenders this receipt may use:',
  async function (this: VoucherWorld, actor: Actor, table: DataTable) {
    await ask(this, actor, receiptFromTable(table.rowsHash()));
  },
);

When(
  '{actor} asks to exchange {string} into {string}',
  async function (this: VoucherWorld, actor: Actor, from: string, to: string) {
    await loadWrittenConfig(this);
    await this.call({ operationId: 'checkTenderExchange', body: { from, to }, auth: { role: actor.role } });
  },
);

/** Column: file, from test/fixtures/tenders/<folder>/ (the vendor's XML and properties files). */
When(
  '{actor} loads the vendor files from {string}:',
  async function (this: VoucherWorld, actor: Actor, folder: string, table: DataTable) {
    const names = table.hashes().map((row) => row.file ?? '');
    await loadAsAction(this, { format: 'xml', files: await vendorFiles(folder, names) }, actor.role);
  },
);

/** The same as a context: the files must be accepted. */
Given(
  'the back office has loaded the vendor files from {string}:',
  async function (this: VoucherWorld, folder: string, table: DataTable) {
    const names = table.hashes().map((row) => row.file ?? '');
    await loadWrittenConfig(this);
    const files = await vendorFiles(folder, names);
    await this.must({ operationId: 'loadTenderConfig', body: { format: 'xml', files }, auth: office });
  },
);

When(
  'the back office loads the tender configuration in force again, in its JSON form',
  async function (this: VoucherWorld) {
    await loadAsAction(this, await configInForce(this), 'backoffice');
  },
);

// ---- Outcomes ----

/** Columns: tender, allowed (yes/no), refused by (rule ids). Every configured tender must be listed. */
Then('the tenders are:', function (this: VoucherWorld, table: DataTable) {
  const expected = table.hashes().map((row) => {
    const rules = codeList(row['refused by']).sort();
    const allowed = row.allowed === 'yes';
    if (allowed === rules.length > 0)
      throw new Error(`row ${row.tender}: "allowed" and "refused by" disagree`);
    return allowed ? `${row.tender} allowed` : `${row.tender} refused by ${rules.join(', ')}`;
  });
  assert.deepEqual(verdictLines(lastEvaluation(this.last)), expected.sort());
});

Then('the receipt may be paid only with {string}', function (this: VoucherWorld, tenders: string) {
  const allowed = lastEvaluation(this.last)
    .filter((v) => v.allowed)
    .map((v) => v.tender);
  assert.deepEqual(allowed.sort(), codeList(tenders).sort(), 'the tenders allowed');
});

/** TA-12: the refusal says why in words that name the codes involved. */
Then(
  'the refusal of tender {string} by {string} mentions {string}',
  function (this: VoucherWorld, tender: string, rule: string, words: string) {
    const verdict = lastEvaluation(this.last).find((v) => v.tender === tender);
    assert.ok(verdict, `no verdict for tender ${tender}`);
    const refusal = verdict.refusedBy.find((r) => r.rule === rule);
    assert.ok(refusal, `tender ${tender} is not refused by ${rule}: ${JSON.stringify(verdict.refusedBy)}`);
    for (const word of codeList(words))
      assert.ok(refusal.reason.includes(word), `"${refusal.reason}": ${word}?`);
  },
);

Then('the exchange is allowed', function (this: VoucherWorld) {
  const verdict = expectAccepted(this.last) as ExchangeVerdict;
  assert.deepEqual(verdict.refusedBy, [], 'no rule refuses the exchange');
  assert.equal(verdict.allowed, true);
});

Then('the exchange is refused by {string}', function (this: VoucherWorld, rules: string) {
  const verdict = expectAccepted(this.last) as ExchangeVerdict;
  assert.equal(verdict.allowed, false, 'the exchange is allowed');
  assert.deepEqual(verdict.refusedBy.map((r) => r.rule).sort(), codeList(rules).sort());
  for (const r of verdict.refusedBy) assert.ok(r.reason.trim(), `refusal ${r.rule} says why`);
});

/**
 * Columns: in file, at (optional: "line 8" or a JSON pointer), mentions. Each row is its own entry of the
 * refusal's `errors`, whose pointer names the file (and the place, when given).
 */
Then('the refusal lists every problem:', function (this: VoucherWorld, table: DataTable) {
  const problem = expectRefused(this.last, 'validation_failed');
  const expected = table
    .hashes()
    .map((row) => ({ file: row['in file'] ?? '', at: row.at ?? '', mentions: row.mentions ?? '' }));
  expectProblems(problem.errors ?? [], expected);
});

Then('the tender configuration in force is unchanged', async function (this: VoucherWorld) {
  const { before } = tenderScenario(this);
  assert.ok(before, 'nothing was loaded in this scenario');
  assert.deepEqual(await configInForce(this), before);
});

/** Rows: fact (tenders, blocked tenders, group tenders, exchange rules, switches on, ...) | entries. */
Then('the tender configuration in force has:', async function (this: VoucherWorld, table: DataTable) {
  expectConfigFacts(await configInForce(this), table.rowsHash());
});

/** The same rows, each list in the order the configuration in force gives it (sorted by its key). */
Then(
  'the tender configuration in force lists, in this order:',
  async function (this: VoucherWorld, table: DataTable) {
    expectConfigFactsInOrder(await configInForce(this), table.rowsHash());
  },
);
