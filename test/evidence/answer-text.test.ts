import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Completion } from '../../src/driver/completion.ts';
import { answerText, differences } from '../../src/evidence/answer-text.ts';

const paid: Completion = {
  completion: 'ok',
  status: 201,
  body: {
    id: 'r1',
    amount: { amount: 500, currency: 'EUR' },
    balanceAfter: { amount: 1500, currency: 'EUR' },
  },
};
const refused: Completion = {
  completion: 'fail',
  status: 409,
  problem: {
    type: 'about:blank',
    title: 'Hold not open',
    status: 409,
    code: 'hold_not_open',
    detail: 'hold h1 is captured',
  },
};

test('an answer is told in the words of the domain, money in major units', () => {
  assert.equal(answerText(paid), '201 with amount 5.00 EUR, balance after 15.00 EUR');
  assert.equal(answerText(refused), '409 hold_not_open (hold h1 is captured)');
  assert.equal(
    answerText({ completion: 'info', error: 'UND_ERR_HEADERS_TIMEOUT' }),
    'no answer (UND_ERR_HEADERS_TIMEOUT)',
  );
  assert.equal(
    answerText({ ...paid, body: { amount: { amount: 500, currency: 'JPY' } } }),
    '201 with amount 500 JPY',
  );
});

test('an answer outside the contract says so', () => {
  const outside: Completion = {
    ...paid,
    violations: [{ message: 'body.balanceAfter must be >= 0' }],
  } as never;
  assert.match(answerText(outside), /outside the contract: body\.balanceAfter must be >= 0/);
});

test('two answers differ by the fields a person compares', () => {
  assert.deepEqual(differences(paid, refused), [
    'outcome: ok → fail',
    'status: 201 → 409',
    'id: "r1" → nothing',
    'amount: 5.00 EUR → nothing',
    'balanceAfter: 15.00 EUR → nothing',
    'and 5 more',
  ]);
  const again = {
    ...paid,
    body: { ...(paid.body as object), balanceAfter: { amount: 1000, currency: 'EUR' } },
  };
  assert.deepEqual(differences(paid, again as Completion), ['balanceAfter: 15.00 EUR → 10.00 EUR']);
  assert.deepEqual(differences(paid, { ...paid }), []);
});
