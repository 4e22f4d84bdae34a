import type { Command } from 'commander';
import { formatHumanSummary } from '../../report/human-summary.ts';
import { exitCodes } from '../../report/verdict.ts';
import { writeMerged } from '../../report/write-merged.ts';
import { oneLine } from '../../sign/cannot-run.ts';

/** `vcert merge`: the shards of one run (`vcert run --shard I/N`) as one certification. */
export function registerMerge(program: Command): void {
  program
    .command('merge')
    .description('merge the reports of the shards of one run (vcert run --shard I/N) into one certification')
    .argument('<shard-dirs...>', 'the --reports directory of each shard')
    .requiredOption('--out <dir>', 'where to write the merged reports')
    .addHelpText(
      'after',
      `\nExit codes: ${exitCodes.pass} the merged certification passes; ${exitCodes.fail} it fails (as vcert run); ` +
        `${exitCodes.error} could not merge: a shard without certification.json or whose seal does not hold, ` +
        'shards of different suites, targets, adapters, claims or waivers, a shard missing or given twice.',
    )
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : exitCodes.error))
    .action(async (dirs: string[], options: { out: string }) => {
      let code: number = exitCodes.error;
      try {
        const { summary, files } = await writeMerged(options.out, dirs);
        process.stdout.write(formatHumanSummary(summary, files, process.cwd()));
        code = summary.verdict.exitCode;
      } catch (error) {
        process.stderr.write(`vcert merge: ${oneLine(error)}\n`);
      }
      process.exitCode = code;
      process.stdout.write('', () => process.exit(code));
    });
}
