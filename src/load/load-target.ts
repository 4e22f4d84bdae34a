import { request } from 'undici';
import type { Role } from '../../spec/capabilities.ts';

export class K6MissingError extends Error {}

/** The load could not take place (bad input, no credentials for a target without test control): nothing ran. */
export class LoadNotRun extends Error {
  override name = 'LoadNotRun';
}

/** A target without test control needs the vendor's keys: the scripts' set-up makes no tenant there. */
export async function needTestControl(target: string, timeoutMs: number, signal: AbortSignal): Promise<void> {
  let claimed: unknown;
  try {
    const answer = await request(`${target}/capabilities`, {
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      signal,
    });
    claimed = ((await answer.body.json()) as { capabilities?: unknown }).capabilities;
  } catch (error) {
    throw new LoadNotRun(`cannot read what ${target} claims: ${(error as Error).message}`);
  }
  if (!Array.isArray(claimed) || !claimed.includes('test-control'))
    throw new LoadNotRun(
      'the target has no test control: give --api-key role=KEY for pos, webshop and backoffice',
    );
}

/** One key given for some roles stands for the others too (a system without roles has one key). */
export function fillRoles(keys: Partial<Record<Role, string>>): Record<Role, string> {
  const any = keys.backoffice ?? keys.pos ?? keys.webshop ?? '';
  return {
    pos: keys.pos ?? any,
    webshop: keys.webshop ?? keys.pos ?? any,
    backoffice: keys.backoffice ?? any,
  };
}
