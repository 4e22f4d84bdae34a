import type { K6Samples } from './k6-samples.ts';

/** What a load script's setup() prepared (load/lib/setup-data.ts), recorded in the `vcert_setup` metric. */
export interface SetupRecord {
  keys: { pos: string; webshop: string; backoffice: string };
  vouchers: string[];
  funds: number;
  currency: string;
  policy: string;
  startedAt: string;
}

/** The setup data of a run; null when the script recorded none. */
export function setupRecord(samples: K6Samples): SetupRecord | null {
  const point = samples.points.find((p) => p.metric === 'vcert_setup' && p.metadata.setup);
  return point ? (JSON.parse(point.metadata.setup as string) as SetupRecord) : null;
}
