import { type Static, Type } from '@sinclair/typebox';
import { Id, nullable, ReportedBalance, Timestamp } from './common.ts';
import { Receipt } from './receipt.ts';

export const ledgerKinds = [
  'issue',
  'activation',
  'load',
  'capture',
  'refund',
  'payout',
  'remainder',
] as const;
export type LedgerKind = (typeof ledgerKinds)[number];

export const LedgerEntry = Type.Object(
  {
    seq: Type.Integer({ minimum: 1 }),
    kind: Type.String({ enum: [...ledgerKinds] } as never),
    amount: Type.Integer({ description: 'signed minor units: credits positive, debits negative' }),
    balanceAfter: Type.Optional(
      Type.Integer({ description: 'signed: a negative balance is a finding the checkers report' }),
    ),
    currency: Type.String(),
    at: Timestamp,
    receipt: Type.Optional(nullable(Receipt)),
    operationId: Type.Optional(nullable(Id)),
  },
  { additionalProperties: false },
);
export type LedgerEntry = Static<typeof LedgerEntry>;

export const Ledger = Type.Object(
  { voucherId: Id, balance: ReportedBalance, entries: Type.Array(LedgerEntry) },
  { additionalProperties: false },
);
export type Ledger = Static<typeof Ledger>;
