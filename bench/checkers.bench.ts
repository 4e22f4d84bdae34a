// Times each checker on generated histories: 1,000,000 operations over 10,000 vouchers from 64
// clients, 100,000 operations on one hot voucher from 32 clients, and 10,000 on one busy voucher
// under amount-holds (hard for a search in call order: Porcupine gives up). Each history and its final
// ledgers are left in .tmp/bench-NAME.ndjson and .tmp/bench-NAME.ledgers.json, and `vcert check` is
// timed on them end to end, in its own process, with its CPU time and peak RSS: the goal is 1,000,000
// operations over 10,000 vouchers in under 10 s. Then, when Go is available, Porcupine (bench/porcupine)
// runs on the same history files, and the ratios are printed: the search alone (both sides given
// model operations in memory), from the parsed history (building the model operations too), from the
// file (reading and parsing too) with the object reader and with vcert check's reader (linearizability
// alone, as Porcupine), and vcert check with every checker. The load average and CPU pressure are
// printed first: on a busy machine every figure grows.
// Run: node bench/checkers.bench.ts [--quick] [--no-porcupine] [--only wide|hot|busy-amount-holds]
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { CheckInput } from '../src/checkers/check-input.ts';
import { checkIdempotency } from '../src/checkers/idempotency.ts';
import { checkLedgerConservation } from '../src/checkers/ledger-conservation.ts';
import { checkLinearizability, type LinearizabilityTimings } from '../src/checkers/linearizability.ts';
import { checkMoneyBounds } from '../src/checkers/money-bounds.ts';
import { checkPolicy } from '../src/checkers/policy.ts';
import type { Verdict } from '../src/checkers/verdict.ts';
import { readHistoryFile } from '../src/history/read-history.ts';
import { createHistoryFileWriter } from '../src/history/write-history.ts';
import { cpuPressure, runCheckCli, writeLedgersFile } from './check-cli.ts';
import { generate, type Workload } from './checkers-generate.ts';

const quick = process.argv.includes('--quick');
const root = fileURLToPath(new URL('../', import.meta.url));
const tmp = `${root}.tmp`;
mkdirSync(tmp, { recursive: true });

const workloads: Array<{ name: string; workload: Workload }> = [
  {
    name: 'wide',
    workload: {
      ops: quick ? 100_000 : 1_000_000,
      vouchers: quick ? 1000 : 10_000,
      clients: 64,
      policy: 'balance-guard',
      funds: 100_000,
      seed: 1,
    },
  },
  {
    name: 'hot',
    workload: {
      ops: quick ? 10_000 : 100_000,
      vouchers: 1,
      clients: 32,
      policy: 'balance-guard',
      funds: 100_000,
      seed: 2,
    },
  },
  {
    name: 'busy-amount-holds',
    workload: {
      ops: quick ? 2000 : 10_000,
      vouchers: 1,
      clients: 32,
      policy: 'amount-holds',
      funds: 100_000,
      seed: 3,
    },
  },
];

const checkers: Array<[string, (input: CheckInput) => Verdict]> = [
  ['money-bounds', checkMoneyBounds],
  ['ledger-conservation', checkLedgerConservation],
  ['idempotency', checkIdempotency],
  ['policy', (input) => checkPolicy(input)],
  ['linearizability', (input) => checkLinearizability(input, { timeLimitMs: 60_000, timings })],
];
const timings: LinearizabilityTimings = { buildMs: 0, searchMs: 0 };
const RUNS = 3;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const heapMb = () => `${Math.round(process.memoryUsage().heapUsed / 1e6)} MB heap`;

const only = process.argv[process.argv.indexOf('--only') + 1];
console.log(
  `${availableParallelism()} cores, load average ${loadavg()
    .map((load) => load.toFixed(2))
    .join(' ')} (1, 5, 15 min)${cpuPressure()}`,
);
for (const { name, workload } of workloads) {
  if (process.argv.includes('--only') && name !== only) continue;
  let start = performance.now();
  const { history, ledgers } = generate(workload);
  const info = history.ops.filter((op) => op.completion === 'info').length;
  console.log(
    `\n${name}: ${history.ops.length} ops, ${workload.vouchers} vouchers, ${workload.clients} clients, ${workload.policy}, ${info} unknown outcomes (generated in ${seconds(performance.now() - start)}, ${heapMb()})`,
  );
  const file = `${tmp}/bench-${name}.ndjson`;
  start = performance.now();
  const writer = createHistoryFileWriter(file);
  spawnSync('truncate', ['-s', '0', file]);
  await writer.meta(history.meta ?? {});
  for (const op of history.ops) await writer.append(op);
  await writer.close();
  const ledgerFile = `${tmp}/bench-${name}.ledgers.json`;
  writeLedgersFile(ledgerFile, ledgers.values());
  console.log(`  write history         ${seconds(performance.now() - start)}  ${file}, ${ledgerFile}`);
  start = performance.now();
  // Only the count is kept: a second copy of the history in memory would slow every checker after it.
  const reread = (await readHistoryFile(file)).ops.length;
  const readMs = performance.now() - start;
  console.log(`  read + validate       ${seconds(readMs)}  (${reread} ops)`);
  let linMs = 0;
  let linVerdict: Verdict['valid'] = true;
  let linSearchMs = 0;
  for (const [checker, check] of checkers) {
    // Linearizability is compared with Porcupine: both sides run three times (unless they give up) and
    // the medians are shown, as this machine's timings vary from run to run.
    const runs: Array<{ ms: number; buildMs: number; searchMs: number; verdict: Verdict }> = [];
    do {
      start = performance.now();
      const verdict = check({ history, ledgers });
      runs.push({ ms: performance.now() - start, ...timings, verdict });
    } while (checker === 'linearizability' && runs.length < RUNS && runs[0]?.verdict.valid !== 'unknown');
    const median = (pick: (run: (typeof runs)[number]) => number) =>
      runs.map(pick).sort((a, b) => a - b)[runs.length >> 1] as number;
    const ms = median((run) => run.ms);
    const verdict = (runs[0] as (typeof runs)[number]).verdict;
    if (checker === 'linearizability') {
      linMs = ms;
      linVerdict = verdict.valid;
      linSearchMs = median((run) => run.searchMs);
    }
    const mark = ms < 10_000 ? 'under 10 s' : 'OVER 10 s';
    const split =
      checker === 'linearizability'
        ? `  (median of ${runs.length}: build ${seconds(median((run) => run.buildMs))}, search ${seconds(linSearchMs)})`
        : '';
    console.log(
      `  ${checker.padEnd(21)} ${seconds(ms)}  valid=${String(verdict.valid)}  ${mark}${split}${verdict.first ? `  ${verdict.first.message}` : ''}`,
    );
  }
  // The whole command as anyone runs it: read once into columns, every checker, over worker threads.
  const cli = runCheckCli(file, ledgerFile);
  const answer =
    cli.status === 0 ? 'valid' : `exit ${cli.status}, ${cli.headline} ${cli.undecided.join(', ')}`;
  console.log(
    `  vcert check (CLI)     ${seconds(cli.ms)}  ${answer}, CPU ${seconds(cli.cpuMs)} in all threads (${cli.threadCpuMs.map(seconds).join(' + ')} by thread), peak RSS ${Math.round(cli.peakMb)} MB  ${cli.ms < 10_000 ? 'under 10 s' : 'OVER 10 s'}${cpuPressure()}  (node src/cli/main.ts check ${file} --ledgers ${ledgerFile})`,
  );
  // Linearizability alone from the file with vcert check's reader (columns, threads), each run in a
  // process of its own as Porcupine is timed from its file (neither side counts its process start).
  const fileRuns: Array<{ ms: number; valid: Verdict['valid'] }> = [];
  for (let run = 0; run < RUNS; run++) {
    const child = spawnSync(process.execPath, [`${root}bench/linearizability-from-file.ts`, file], {
      encoding: 'utf8',
      timeout: 600_000,
    });
    fileRuns.push(JSON.parse(child.stdout.trim().split('\n').at(-1) || '{"ms":null,"valid":"unknown"}'));
  }
  const fileLinMs = fileRuns.map((run) => run.ms).sort((a, b) => a - b)[RUNS >> 1] as number;
  console.log(
    `  linearizability from the file (vcert check's reader)  ${seconds(fileLinMs)}  valid=${String(fileRuns[0]?.valid)}  (median of ${RUNS})`,
  );
  if (process.argv.includes('--no-porcupine')) continue;
  const goStarted = performance.now();
  const go = spawnSync('go', ['run', '.', file, '120', String(RUNS)], {
    cwd: `${root}bench/porcupine`,
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (go.status !== 0 && !go.stdout) {
    const why = (go.error?.message ?? go.stderr).trim().split('\n').slice(-3).join(' ');
    console.log(
      `  porcupine             no answer after ${seconds(performance.now() - goStarted)}: ${why}${/killed/.test(why) ? ' (stopped by the system, e.g. out of memory)' : ''}`,
    );
    continue;
  }
  const line = go.stdout.trim().split('\n').at(-1) ?? '';
  const match = /runs=(\d+) parse=([\d.]+)s merge=([\d.]+)s check=([\d.]+)s result=(\w+)/.exec(line);
  if (!match) {
    console.log(`  porcupine             ${line || go.stderr.trim()}`);
    continue;
  }
  const [parseMs, mergeMs, checkMs] = [match[2], match[3], match[4]].map((value) => Number(value) * 1000) as [
    number,
    number,
    number,
  ];
  const porcupineGaveUp = match[5] === 'Unknown';
  const vcertGaveUp = linVerdict === 'unknown';
  console.log(`  porcupine             ${seconds(checkMs)}  result=${match[5]}  (${line})`);
  const ratio = (label: string, theirs: number, ours: number) => {
    const figures = `porcupine ${seconds(theirs)}, vcert ${seconds(ours)}`;
    const verdict =
      porcupineGaveUp && vcertGaveUp
        ? 'both gave up at their time limits, no ratio'
        : porcupineGaveUp
          ? `porcupine gave up, vcert answered: vcert at least ${(theirs / ours).toFixed(0)}x as fast`
          : vcertGaveUp
            ? 'vcert gave up, porcupine answered'
            : `vcert ${(theirs / ours).toFixed(1)}x as fast`;
    console.log(`  ${label.padEnd(66)} ${figures}: ${verdict}`);
  };
  ratio('search (model operations in memory -> verdict)', checkMs, linSearchMs);
  ratio('from the parsed history (build operations + search)', mergeMs + checkMs, linMs);
  ratio(
    'from the file, object reader (read, parse, build, search)',
    parseMs + mergeMs + checkMs,
    readMs + linMs,
  );
  ratio(
    "from the file, vcert check's reader (read, parse, build, search)",
    parseMs + mergeMs + checkMs,
    fileLinMs,
  );
  if (cli.status === 0)
    ratio('from the file: vcert check, every checker, end to end', parseMs + mergeMs + checkMs, cli.ms);
}
