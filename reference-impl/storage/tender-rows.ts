import type pg from 'pg';
import type { TenderConfig } from '../../spec/schemas/tenders.ts';

export async function readTenderConfig(
  client: pg.ClientBase,
  tenantId: string,
): Promise<TenderConfig | null> {
  const { rows } = await client.query('SELECT config FROM tender_configs WHERE tenant_id = $1', [tenantId]);
  return rows[0]?.config ?? null;
}

/** Replaces the tenant's configuration; the caller has validated it whole. */
export async function writeTenderConfig(
  client: pg.ClientBase,
  tenantId: string,
  config: TenderConfig,
  at: Date,
): Promise<void> {
  await client.query(
    `INSERT INTO tender_configs (tenant_id, config, loaded_at) VALUES ($1, $2, $3)
     ON CONFLICT (tenant_id) DO UPDATE SET config = EXCLUDED.config, loaded_at = EXCLUDED.loaded_at`,
    [tenantId, JSON.stringify(config), at],
  );
}
