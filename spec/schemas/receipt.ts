import { type Static, Type } from '@sinclair/typebox';
import { Code, Money, Text } from './common.ts';

export const channels = ['pos', 'webshop', 'backoffice'] as const;

/** Where an operation happens: the receipt (basket) being paid or sold, at a store and register. */
export const Receipt = Type.Object(
  {
    number: Code,
    store: Code,
    register: Code,
    channel: Type.String({ enum: [...channels] } as never),
    legalEntity: Type.Optional(Code),
    total: Type.Optional(Money),
    lines: Type.Optional(
      Type.Array(
        Type.Object(
          {
            product: Code,
            description: Type.Optional(Text),
            quantity: Type.Integer({ minimum: 1, maximum: 100000 }),
            amount: Money,
          },
          { additionalProperties: false },
        ),
        { maxItems: 200 },
      ),
    ),
  },
  { additionalProperties: false },
);
export type Receipt = Static<typeof Receipt>;
