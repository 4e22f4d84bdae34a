import { type Role, roles } from '../../spec/capabilities.ts';

/**
 * Parses one `--api-key role=KEY` and adds it to the keys collected so far (commander's option
 * collector). Roles are those of the contract: pos, webshop, backoffice.
 */
export function collectApiKey(
  value: string,
  keys: Partial<Record<Role, string>> = {},
): Partial<Record<Role, string>> {
  const at = value.indexOf('=');
  const role = value.slice(0, Math.max(at, 0));
  const key = value.slice(at + 1);
  if (at < 1 || key === '') throw new Error(`--api-key must be role=KEY, got "${value}"`);
  if (!(roles as readonly string[]).includes(role)) {
    throw new Error(`--api-key role must be one of ${roles.join(', ')}, got "${role}"`);
  }
  if (keys[role as Role] !== undefined) throw new Error(`--api-key ${role}= given twice`);
  return { ...keys, [role]: key };
}
