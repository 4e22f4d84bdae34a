/** `--env KEY=VALUE` pairs as an environment; a pair without a key or `=` is an error. */
export function parseEnv(pairs: readonly string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new Error(`--env ${pair}: expected KEY=VALUE`);
    env[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return env;
}
