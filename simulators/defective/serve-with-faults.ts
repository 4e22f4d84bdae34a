import type { Faults } from '../../reference-impl/faults.ts';
import { startWithFaults } from './start-with-faults.ts';

/**
 * The child process of `startLogged`: `node serve-with-faults.ts FAULTS_JSON [DATABASE_URL]` starts the
 * reference implementation with those faults, prints `listening on URL`, and stops when its parent
 * closes its stdin (or dies) or sends SIGTERM. Its log (and everything else it prints) goes to its
 * stdout, which the parent writes to a file.
 */
const [faultsJson = '{}', databaseUrl] = process.argv.slice(2);
const target = await startWithFaults(JSON.parse(faultsJson) as Faults, databaseUrl ? { databaseUrl } : {});
console.log(`listening on ${target.url}`);
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await target.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.stdin.on('end', () => void stop());
process.stdin.on('close', () => void stop());
process.stdin.resume();
