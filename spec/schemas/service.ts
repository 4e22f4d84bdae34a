import { Type } from '@sinclair/typebox';
import { capabilityNames, identifierKinds } from '../capabilities.ts';
import { Id, Text, Timestamp } from './common.ts';

export const Capabilities = Type.Object(
  {
    contractVersion: Type.String(),
    implementation: Type.String(),
    capabilities: Type.Array(Type.String({ enum: [...capabilityNames] } as never)),
    identifiers: Type.Array(Type.String({ enum: [...identifierKinds] } as never)),
    limits: Type.Object(
      { maxBodyBytes: Type.Integer(), maxAmount: Type.Integer(), maxHoldTtlSeconds: Type.Integer() },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export const Health = Type.Object(
  { status: Type.String({ enum: ['ok'] } as never), database: Type.String() },
  { additionalProperties: false },
);

export const TenantInput = Type.Object({ name: Type.Optional(Text) }, { additionalProperties: false });

export const TenantKeys = Type.Object(
  {
    tenantId: Id,
    keys: Type.Object(
      { pos: Type.String(), webshop: Type.String(), backoffice: Type.String() },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export const ClockInput = Type.Object(
  { advanceSeconds: Type.Integer({ minimum: 0, maximum: 100 * 366 * 86400 }) },
  { additionalProperties: false },
);

export const Clock = Type.Object(
  { now: Timestamp, offsetSeconds: Type.Integer() },
  { additionalProperties: false },
);

/** What one run of the background expiry did (test control): the holds it expired. */
export const Sweep = Type.Object(
  { expiredHolds: Type.Integer({ minimum: 0 }) },
  { additionalProperties: false },
);
