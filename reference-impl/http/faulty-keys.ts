import type { Faults } from '../faults.ts';
import { problem } from './problem.ts';
import type { Answer } from './transaction.ts';

/** What a mutating request claims for its Idempotency-Key (null: no key, or keys ignored). */
export interface KeyClaim {
  tenantId: string;
  key: string;
  fingerprint: string;
}

/**
 * The idempotency faults of a defective server (simulators/defective/), around the transaction that
 * serves a request: `keysAcrossTenants` keeps one key space for all tenants (another tenant's request
 * under a key already used is refused as reused, or given that tenant's answer when it is the same
 * request); `refusalsNotReplayed` keeps no refusal: a retry of a refused request runs again. In memory,
 * as a vendor's cache in front of its database would be. Null unless one of them is set.
 */
export function faultyKeys(faults: Faults | undefined) {
  if (!faults?.keysAcrossTenants && !faults?.refusalsNotReplayed) return null;
  const firstUse = new Map<string, { tenantId: string; fingerprint: string; answer: Answer }>();
  const refused = new Set<string>();
  return async (
    claim: KeyClaim | null,
    run: (claim: KeyClaim | null) => Promise<Answer>,
  ): Promise<Answer> => {
    if (!claim) return run(claim);
    if (faults.keysAcrossTenants) {
      const seen = firstUse.get(claim.key);
      if (seen && seen.tenantId !== claim.tenantId) {
        if (seen.fingerprint === claim.fingerprint) return { ...seen.answer, replayed: true };
        return {
          status: 422,
          body: problem('idempotency_key_reused', 'this Idempotency-Key was used with another request'),
        };
      }
      const answer = await run(claim);
      if (!seen)
        firstUse.set(claim.key, { tenantId: claim.tenantId, fingerprint: claim.fingerprint, answer });
      return answer;
    }
    const id = `${claim.tenantId} ${claim.key}`;
    // The refusal was not kept: the retry is a new request.
    const answer = await run(refused.has(id) ? null : claim);
    if (answer.status === 409) refused.add(id);
    return answer;
  };
}
