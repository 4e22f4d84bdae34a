import { type Static, Type } from '@sinclair/typebox';
import { Balance, nullable, Timestamp, Uuid } from './common.ts';
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
    balanceAfter: Type.Integer({ minimum: 0 }),
    currency: Type.String(),
    at: Timestamp,
    receipt: nullable(Receipt),
    operationId: nullable(Uuid),
  },
  { additionalProperties: false },
);
export type LedgerEntry = Static<typeof LedgerEntry>;

export const Ledger = Type.Object(
  { voucherId: Uuid, balance: Balance, entries: Type.Array(LedgerEntry) },
  { additionalProperties: false },
);
export type Ledger = Static<typeof Ledger>;
