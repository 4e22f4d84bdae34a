// The mutants of the one-step redemption's database functions (reference-impl/storage/migrations/
// 004_redeem_now.sql and 005_redeem_batch.sql), which StrykerJS cannot mutate: each is put in its
// function in turn, and the test that holds the function (test/api/redeem-now.test.ts to the service,
// test/api/redeem-batch.test.ts to redeem_now one by one) must fail on it. Prints one line per mutant
// and exits 1 when one survives. The files are given back as they were, whatever happens.
// Run: node mutation/sql-mutants.ts   (about 15 s per mutant of redeem_now, 25 s of redeem_batch)
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/** [what the function says, what the mutant says instead]. */
type Mutant = [string, string];

const functions: Array<{ file: string; test: string; mutants: Mutant[] }> = [
  {
    file: path('../reference-impl/storage/migrations/004_redeem_now.sql'),
    test: path('../test/api/redeem-now.test.ts'),
    mutants: [
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
    ],
  },
  {
    file: path('../reference-impl/storage/migrations/005_redeem_batch.sql'),
    test: path('../test/api/redeem-batch.test.ts'),
    mutants: [
      // No subtransaction: an item the service must decide rolls back the whole batch.
      ["    EXCEPTION WHEN SQLSTATE 'VC001' THEN\n      left_after := NULL;\n", ''],
      // An item given to the service answers what the item before it answered.
      ['      left_after := NULL;\n', '      NULL;\n'],
      // Only the committed items answer: the answers no longer line up with the items.
      [
        '    END;\n    answers := answers || left_after;',
        '      answers := answers || left_after;\n    END;',
      ],
      // The items run in another order than the one they came in.
      [
        'jsonb_array_elements(p_items) LOOP',
        "jsonb_array_elements(p_items) ORDER BY value ->> 'amount' LOOP",
      ],
      // Each item's own fields.
      ["(it ->> 'amount')::bigint", "(it ->> 'clockOffsetSeconds')::bigint + 1"],
      ["it ->> 'idempotencyKey'", "it ->> 'voucherId'"],
      ["it -> 'receipt'", "it -> 'answer'"],
    ],
  },
];

let survivors = 0;
let count = 0;
for (const { file, test, mutants } of functions) {
  const original = readFileSync(file, 'utf8');
  try {
    for (const [from, to] of mutants) {
      if (!original.includes(from)) throw new Error(`the function no longer says ${JSON.stringify(from)}`);
      writeFileSync(file, original.replace(from, to));
      const run = spawnSync(process.execPath, ['--test', test], { encoding: 'utf8' });
      const killed = run.status !== 0;
      count += 1;
      if (!killed) survivors += 1;
      const why = /\[cause\]: (.*)/.exec(run.stdout)?.[1]?.slice(0, 110) ?? '';
      const name = `${JSON.stringify(from).slice(0, 50)} → ${JSON.stringify(to).slice(0, 40)}`;
      console.log(`${killed ? 'killed  ' : 'SURVIVED'} ${name}${why ? `\n         ${why}` : ''}`);
    }
  } finally {
    writeFileSync(file, original);
  }
}
console.log(`${count - survivors} of ${count} killed`);
process.exitCode = survivors > 0 ? 1 : 0;
