import type pg from 'pg';
import type { RandomDigits } from '../domain/identifiers.ts';
import type { Faults } from '../faults.ts';

/** What every service operation gets: a transaction's client, the tenant, the tenant's clock and id sources. */
export interface OpContext {
  client: pg.ClientBase;
  tenantId: string;
  now: Date;
  newId: () => string;
  random?: RandomDigits;
  /** Deliberate defects (simulators/defective/); absent in the correct implementation. */
  faults?: Faults;
}
