import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compose } from '../../src/checkers/compose.ts';
import type { Validity, Verdict } from '../../src/checkers/verdict.ts';

const fixed = (valid: Validity) => (): Verdict => ({ checker: String(valid), valid, counts: {} });
const input = { history: { meta: null, ops: [] } };

describe('compose', () => {
  it('false beats unknown beats true', () => {
    assert.equal(compose(fixed(true), fixed('unknown'), fixed(false))(input).valid, false);
    assert.equal(compose(fixed(true), fixed('unknown'), fixed(true))(input).valid, 'unknown');
    assert.equal(compose(fixed(true), fixed(true))(input).valid, true);
  });

  it('keeps every verdict in order', () => {
    const report = compose(fixed(false), fixed(true))(input);
    assert.deepEqual(
      report.verdicts.map((verdict) => verdict.valid),
      [false, true],
    );
  });
});
