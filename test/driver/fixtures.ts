/** Well-formed contract bodies for the stub server to answer with. */
export const voucherId = '6f1c2b1e-8d3a-4c55-9a57-0b7f0c3e1a01';
export const holdId = '0c9a6a4e-2a55-4b8e-8f2a-4d3e2f1a0b02';

export const receipt = { number: 'R-1', store: 'S1', register: 'POS1', channel: 'pos' };

export function hold(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: holdId,
    voucherId,
    amount: { amount: 1190, currency: 'EUR' },
    status: 'open',
    receipt,
    createdAt: '2026-01-01T10:00:00.000Z',
    expiresAt: '2026-01-01T10:15:00.000Z',
    redemptionId: null,
    ...overrides,
  };
}

export const holdInput = { amount: { amount: 1190, currency: 'EUR' }, receipt } as const;

export const insufficient = {
  type: 'https://voucher-conformance.invalid/errors/insufficient_balance',
  title: 'Insufficient balance',
  status: 409,
  code: 'insufficient_balance',
  available: { amount: 500, currency: 'EUR' },
};
