/** One redemption (hold, then capture of the whole hold) on a voucher; rejects if either step fails. */
export type Redeemer = (voucherId: string, receiptNumber: string) => Promise<void>;

/** The body of the hold request, the same for both paths so the fingerprints and rows match. */
export const holdBody = (amount: number, receiptNumber: string) => ({
  amount: { amount, currency: 'EUR' },
  receipt: { number: receiptNumber, store: 'S-001', register: 'POS-1', channel: 'pos' as const },
});
