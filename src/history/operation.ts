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
  'advanceTestClock',
  'runTestSweep',
] as const;
export type OperationName = (typeof operationNames)[number];

/** One way an answer departs from the contract: where, what, and the offending value. */
export const ContractBreachLine = Type.Object(
  { path: Type.String(), message: Type.String(), value: Type.Optional(Type.Unknown()) },
  { additionalProperties: false },
);

/** ok: it happened; fail: it definitely did not; info: unknown (a timeout), it may or may not have happened. */
export const completions = ['ok', 'fail', 'info'] as const;
export type Completion = (typeof completions)[number];

/**
 * How an `info` operation's error begins when the harness stopped waiting for its answer (the run's time
 * limit, an interrupt): the target is not to blame for it, faults or not.
 */
export const stoppedWaiting = 'no answer awaited: ';

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
    index: Type.Optional(
      Type.Integer({
        minimum: 1,
        description: "the client's operation number, from 1: a client's operation is recorded once",
      }),
    ),
    invokedAt: Micros,
    completedAt: Micros,
    completion: Type.Union(completions.map((name) => Type.Literal(name))),
    result: Type.Unknown(),
    status: Type.Optional(
      Type.Integer({ minimum: 0, description: 'the status of the answer, when one came' }),
    ),
    violations: Type.Optional(
      Type.Array(ContractBreachLine, {
        description: 'where the answer departs from the contract (the contract checker reports each)',
      }),
    ),
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
    oneTime: Type.Optional(
      Type.Array(Type.String(), { description: 'vouchers that are one-time: used once, then redeemed' }),
    ),
    faultsInjected: Type.Optional(
      Type.Boolean({
        description:
          'whether the run lost, delayed, repeated or cut messages or killed the server on purpose; false: every request should be answered',
      }),
    ),
  },
  { additionalProperties: true },
);
export type HistoryMeta = Static<typeof MetaLine>;

/** A whole history in memory: the operations in the order they were recorded. */
export interface History {
  meta: HistoryMeta | null;
  ops: readonly Operation[];
  /** The last line, when it was cut (the run was stopped while writing it): not checked. */
  cutLine?: number;
}

/** The body of a fail completion: the refusal's code and status, and the body when it broke the contract. */
export interface FailResult {
  code: string;
  status: number;
  body?: unknown;
}
