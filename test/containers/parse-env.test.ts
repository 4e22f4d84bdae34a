import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseEnv } from '../../src/containers/parse-env.ts';

describe('parseEnv (--env KEY=VALUE)', () => {
  it('keeps everything after the first = as the value', () => {
    assert.deepEqual(parseEnv(['A=1', 'URL=postgres://u:p@h/db?x=y', 'EMPTY=']), {
      A: '1',
      URL: 'postgres://u:p@h/db?x=y',
      EMPTY: '',
    });
  });

  it('rejects a pair without a key or without =', () => {
    assert.throws(() => parseEnv(['=1']), /--env =1: expected KEY=VALUE/);
    assert.throws(() => parseEnv(['NOVALUE']), /--env NOVALUE: expected KEY=VALUE/);
  });
});
