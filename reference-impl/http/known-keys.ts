import type pg from 'pg';
import { later } from '../storage/batch.ts';
import { type Caller, callerLookup } from '../storage/tenant-rows.ts';

/**
 * The callers of API keys already looked up, so an operation's key costs no round trip of its own. A
 * key's tenant and role never change; its tenant's clock offset does (test control), and a tenant
 * may go. So the transaction that serves the operation looks the key up again in its first message
 * (`confirm`): when the key is gone it answers unauthorized, and when the clock moved it runs again
 * with the offset it read. An operation never commits on a caller its own transaction did not see.
 */
export function knownKeys(limit = 10_000) {
  const callers = new Map<string, Caller>();
  return {
    get: (key: string) => callers.get(key),
    remember(key: string, caller: Caller) {
      if (callers.size >= limit) callers.clear();
      callers.set(key, caller);
    },
    forget: (key: string) => callers.delete(key),
  };
}

export type KnownKeys = ReturnType<typeof knownKeys>;

/** The key's caller as the transaction sees it, asked in its first message; null when the key is gone. */
export async function confirm(
  client: pg.ClientBase,
  key: string,
): Promise<{ caller(): Promise<Caller | null> }> {
  const lookup = callerLookup(key);
  const asked = await later(client, lookup.text, lookup.values);
  return { caller: async () => lookup.caller((await asked.result()).rows) };
}
