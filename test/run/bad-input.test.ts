import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { linesOf, runVcertToEnd } from './spawn-vcert.ts';

/**
 * Bad input to a command is "could not run": exit code 2, one line on stderr that names what is wrong,
 * never a stack trace. Nothing here reaches a target (127.0.0.1:9 refuses, and is never asked).
 */
const nowhere = 'http://127.0.0.1:9';
const cases: Array<{ args: string[]; says: RegExp }> = [
  { args: ['run', '--target', nowhere, '--tags', 'and or'], says: /--tags "and or" is not a tag expression/ },
  { args: ['run', '--parallel', 'abc'], says: /--parallel <n>' argument 'abc' is invalid/ },
  { args: ['run', '--timeout', '0'], says: /--timeout <duration>' argument '0' is invalid/ },
  { args: ['run', '--request-timeout', '5x'], says: /"5x" is not a duration/ },
  { args: ['run', '--target', nowhere, '--shard', '3/2'], says: /--shard must be I\/N/ },
  { args: ['run', '--target', nowhere, '--api-key', 'nonsense'], says: /--api-key must be role=KEY/ },
  { args: ['run', '--bogus'], says: /unknown option '--bogus'/ },
  { args: ['run', '--progress', 'fancy'], says: /--progress <formatter>' argument 'fancy' is invalid/ },
  { args: ['race', '--seconds', 'x'], says: /--seconds <s>' argument 'x' is invalid/ },
  { args: ['race', '--timeout', 'soon'], says: /"soon" is not a duration/ },
  { args: ['race', '--request-timeout', '0'], says: /--request-timeout <duration>' argument '0' is invalid/ },
  { args: ['race', '--policy', 'nope'], says: /--policy <policy>' argument 'nope' is invalid/ },
  { args: ['race', '--api-key', 'pos'], says: /--api-key must be role=KEY/ },
  { args: ['properties', '--runs', '0'], says: /--runs <n>' argument '0' is invalid/ },
  { args: ['properties', '--timeout', 'x'], says: /"x" is not a duration/ },
  { args: ['properties', '--only', 'nope'], says: /--only <names>' argument 'nope' is invalid/ },
  { args: ['properties', '--target', nowhere, '--api-key', 'x'], says: /--api-key must be role=KEY/ },
  {
    args: ['load', 'load/no-such-script.ts', '--target', nowhere],
    says: /no-such-script\.ts: no such script/,
  },
  {
    args: ['load', 'load/hot-voucher.ts', '--segments', 'x'],
    says: /--segments <n>' argument 'x' is invalid/,
  },
  { args: ['load', 'load/hot-voucher.ts', '--duration', '3q'], says: /"3q" is not a duration/ },
  { args: ['load', 'load/hot-voucher.ts', '--vus', '0'], says: /--vus <n>' argument '0' is invalid/ },
  { args: ['load', 'load/hot-voucher.ts', '--timeout', '-1s'], says: /--timeout <duration>' argument '-1s'/ },
  { args: ['load'], says: /missing required argument 'script'/ },
  { args: ['check', 'no-such-history.ndjson'], says: /no-such-history\.ndjson/ },
  {
    args: ['check', 'history.ndjson', '--time-limit', 'q'],
    says: /--time-limit <ms>' argument 'q' is invalid/,
  },
];

describe('bad input: one line, exit 2, no stack trace', { concurrency: 4 }, () => {
  for (const { args, says } of cases) {
    it(`vcert ${args.join(' ')}`, async () => {
      const { code, stdout, stderr } = await runVcertToEnd(args);
      assert.equal(code, 2, stdout + stderr);
      assert.equal(linesOf(stderr).length, 1, `one line on stderr:\n${stderr}`);
      assert.match(stderr, says);
      assert.doesNotMatch(stdout + stderr, /^ {4}at /m, 'no stack frame');
    });
  }
});
