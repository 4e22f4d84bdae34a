import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collectApiKey } from '../../src/run/parse-api-key.ts';

describe('--api-key role=KEY', () => {
  it('collects one key per role, keeping "=" inside the key', () => {
    const keys = collectApiKey('backoffice=b=c', collectApiKey('pos=k1'));
    assert.deepEqual(keys, { pos: 'k1', backoffice: 'b=c' });
  });

  for (const bad of ['pos', '=k', 'pos=', 'cashier=k']) {
    it(`refuses "${bad}"`, () => assert.throws(() => collectApiKey(bad), /--api-key/));
  }

  it('refuses a role given twice', () => {
    assert.throws(() => collectApiKey('pos=2', { pos: '1' }), /given twice/);
  });
});
