// Linearizability alone from a history file with vcert check's reader (columns, worker threads), in a
// process of its own, as Porcupine is timed from its file: prints {"ms": …, "valid": …} on one line.
// Run: node bench/linearizability-from-file.ts HISTORY.ndjson
import { checkHistoryFile } from '../src/checkers/check-file.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: node bench/linearizability-from-file.ts HISTORY.ndjson');
const started = performance.now();
const checked = await checkHistoryFile(file, { only: ['linearizability'], timeLimitMs: 60_000 });
const ms = performance.now() - started;
console.log(JSON.stringify({ ms, valid: checked.report.verdicts[0]?.valid ?? 'unknown' }));
