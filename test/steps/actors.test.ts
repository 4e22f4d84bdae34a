import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Places, parseActor, receiptOf } from '../../steps/support/actors.ts';

const places: Places = {
  code: (name) => `${name}-x1`,
  legalEntityOf: (store) => (store === 'NORTH' ? 'ACME' : undefined),
};

describe('actors at the stores a scenario names', () => {
  it('keeps the plain actors at their fixed places', () => {
    const pos = parseActor('the cashier at POS 2', places);
    assert.deepEqual([pos.store, pos.register, pos.legalEntity], ['S1', 'POS2', undefined]);
    assert.equal(receiptOf(pos, 'R-1').legalEntity, undefined);
  });

  it('puts a named store, its own registers and its legal entity on the actor and its receipts', () => {
    const pos = parseActor('the cashier at POS 2 of store "NORTH"', places);
    assert.deepEqual(
      [pos.label, pos.role, pos.store, pos.register, pos.legalEntity],
      ['POS 2 of NORTH', 'pos', 'NORTH-x1', 'NORTH-POS2-x1', 'ACME-x1'],
    );
    assert.deepEqual(receiptOf(pos, 'R-1'), {
      number: 'R-1',
      store: 'NORTH-x1',
      register: 'NORTH-POS2-x1',
      channel: 'pos',
      legalEntity: 'ACME-x1',
    });
    const office = parseActor('the back office of store "SOUTH"', places);
    assert.deepEqual([office.role, office.store, office.legalEntity], ['backoffice', 'SOUTH-x1', undefined]);
  });

  it('needs the scenario for a named store', () => {
    assert.throws(() => parseActor('the back office of store "NORTH"'), /needs the scenario/);
  });
});
