// The mutants of the one-step redemption's database function (reference-impl/storage/migrations/
// 004_redeem_now.sql), which StrykerJS cannot mutate: each is put in the function in turn, and the test
// that holds the function to the service (test/api/redeem-now.test.ts) must fail on it. Prints one line
// per mutant and exits 1 when one survives. The file is given back as it was, whatever happens.
// Run: node mutation/sql-mutants.ts   (about 15 s per mutant)
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const file = fileURLToPath(
  new URL('../reference-impl/storage/migrations/004_redeem_now.sql', import.meta.url),
);
const test = fileURLToPath(new URL('../test/api/redeem-now.test.ts', import.meta.url));

/** [what the function says, what the mutant says instead]. */
const mutants: Array<[string, string]> = [
  ['AND p_now < vo.expires_at', ''],
  ['p_now < vo.expires_at', 'p_now <= vo.expires_at'],
  ['AND vo.currency = p_currency', ''],
  ['AND vo.open_holds = 0', ''],
  ["AND vo.state = 'activated'", ''],
  ["AND t.policy <> 'redeem-entire'", ''],
  ['vo.balance - vo.held >= p_amount', 'vo.balance >= p_amount'],
  ['vo.balance - vo.held >= p_amount', 'vo.balance - vo.held > p_amount'],
  ['NOT t.reusable OR ', ''],
  ['vo.balance = p_amount AND', 'vo.balance = 0 AND'],
  ['ledger_seq = vo.ledger_seq + 1', 'ledger_seq = vo.ledger_seq'],
  ['AND t.clock_offset_seconds = p_offset', ''],
  ['AND k.role = p_role', ''],
  ["p_receipt ->> 'store', p_receipt ->> 'register'", "p_receipt ->> 'register', p_receipt ->> 'store'"],
  [
    "ON CONFLICT DO NOTHING;\n  IF NOT FOUND THEN RAISE SQLSTATE 'VC001'; END IF;\n  RETURN",
    'ON CONFLICT DO NOTHING;\n  RETURN',
  ],
];

const original = readFileSync(file, 'utf8');
let survivors = 0;
try {
  for (const [from, to] of mutants) {
    if (!original.includes(from)) throw new Error(`the function no longer says ${JSON.stringify(from)}`);
    writeFileSync(file, original.replace(from, to));
    const run = spawnSync(process.execPath, ['--test', test], { encoding: 'utf8' });
    const killed = run.status !== 0;
    if (!killed) survivors += 1;
    const why = /\[cause\]: (.*)/.exec(run.stdout)?.[1]?.slice(0, 110) ?? '';
    const name = `${JSON.stringify(from).slice(0, 50)} → ${JSON.stringify(to).slice(0, 40)}`;
    console.log(`${killed ? 'killed  ' : 'SURVIVED'} ${name}${why ? `\n         ${why}` : ''}`);
  }
} finally {
  writeFileSync(file, original);
}
console.log(`${mutants.length - survivors} of ${mutants.length} killed`);
process.exitCode = survivors > 0 ? 1 : 0;
