import type { TenderSwitches } from '../../../spec/schemas/tenders.ts';
import { type Problem, problemAt } from './problem.ts';
import { emptySourced, type ImportedPart } from './sourced-config.ts';

const prefix = 'AllowedTendersConfigs.Default.';
const switchNames = ['checkCustomerGroupTender', 'checkReasonTender'] as const;

/**
 * Reads allowedTendersConfigs.properties: `AllowedTendersConfigs.Default.<switch>=true|false`.
 * Comments (# or !) and keys of other settings are skipped; a switch with a value other than
 * true or false is a problem. Only the Default profile is read.
 */
export function readPropertiesFile(file: string, content: string): ImportedPart {
  const sourced = emptySourced();
  const problems: Problem[] = [];
  const lines = content.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('!')) return;
    const sep = line.search(/[=:]/);
    const key = (sep < 0 ? line : line.slice(0, sep)).trim();
    const value = sep < 0 ? '' : line.slice(sep + 1).trim();
    if (!key.startsWith(prefix)) return;
    const name = key.slice(prefix.length);
    const origin = { file, element: key, line: i + 1 };
    if (!(switchNames as readonly string[]).includes(name)) {
      problems.push(problemAt(origin, `unknown switch ${name} (known: ${switchNames.join(', ')})`));
      return;
    }
    const lowered = value.toLowerCase();
    if (lowered !== 'true' && lowered !== 'false') {
      problems.push(problemAt(origin, `must be true or false (got ${JSON.stringify(value)})`));
      return;
    }
    const switches: TenderSwitches = { [name]: lowered === 'true' };
    sourced.switches.push({ value: switches, origin });
  });
  return { sourced, problems };
}
