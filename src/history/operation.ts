import { type Static, Type } from '@sinclair/typebox';
import { policies } from '../../spec/capabilities.ts';

/** The contract operations a history records (operationIds of spec/routes). */
export const operationNames = [
  'createHold',
  'captureHold',
  'releaseHold',
  'redeem',
  'refundRedemption',
  'topUp',
  'getBalance',
  'getLedger',
] as const;
export type OperationName = (typeof operationNames)[number];

/** ok: it happened; fail: it definitely did not; info: unknown (a timeout), it may or may not have happened. */
export const completions = ['ok', 'fail', 'info'] as const;
export type Completion = (typeof completions)[number];

const Micros = Type.Integer({
  minimum: 0,
  description: 'microseconds on a monotonic clock from the start of the run',
});

/** One line of a history: one operation, from its invocation to its completion. */
export const OperationLine = Type.Object(
  {
    client: Type.String({ minLength: 1 }),
    op: Type.Union(operationNames.map((name) => Type.Literal(name))),
    voucher: Type.String({ minLength: 1 }),
    target: Type.Optional(
      Type.Union([Type.String({ minLength: 1 }), Type.Null()], {
        description: 'the id in the path when it is not the voucher: hold id or redemption id',
      }),
    ),
    args: Type.Record(Type.String(), Type.Unknown()),
    key: Type.Union([Type.String(), Type.Null()]),
    invokedAt: Micros,
    completedAt: Micros,
    completion: Type.Union(completions.map((name) => Type.Literal(name))),
    result: Type.Unknown(),
  },
  { additionalProperties: false },
);
export type Operation = Static<typeof OperationLine>;

/** The optional first line of a history. */
export const MetaLine = Type.Object(
  {
    kind: Type.Literal('meta'),
    seed: Type.Optional(Type.Union([Type.Integer(), Type.String()])),
    target: Type.Optional(Type.String()),
    policy: Type.Optional(Type.Union(policies.map((name) => Type.Literal(name)))),
    startedAt: Type.Optional(Type.String({ description: 'wall-clock ISO time of the start of the run' })),
    funds: Type.Optional(
      Type.Record(Type.String(), Type.Integer({ minimum: 0 }), {
        description: 'per voucher id: its balance in minor units at the start of the run',
      }),
    ),
    holdTtlSeconds: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: true },
);
export type HistoryMeta = Static<typeof MetaLine>;

/** A whole history in memory: the operations in the order they were recorded. */
export interface History {
  meta: HistoryMeta | null;
  ops: readonly Operation[];
}

/** The body of a fail completion. */
export interface FailResult {
  code: string;
  status: number;
}
