import { type Command, InvalidArgumentError } from 'commander';
import { runAdapterCheck } from '../../adapter-check/run-adapter-check.ts';
import type { DriverConfig } from '../../driver/driver.ts';
import { collectApiKey } from '../../run/parse-api-key.ts';

function apiKey(value: string, previous: DriverConfig['apiKeys']): DriverConfig['apiKeys'] {
  try {
    return collectApiKey(value, previous ?? {});
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

/** `vcert adapter check`: one short check per capability an adapter claims, one clear line per problem. */
export function registerAdapter(program: Command): void {
  const adapter = program
    .command('adapter')
    .description('tools for writing a vendor adapter (docs/adapter.md)');
  adapter
    .command('check')
    .description('smoke-test each capability a vendor adapter claims, one line per check')
    .requiredOption('--adapter <module>', 'the vendor adapter module')
    .requiredOption('--target <url>', "the vendor system's base URL (as the adapter reads it)")
    .option('--api-key <role=key>', 'key for a role (pos, webshop, backoffice); repeatable', apiKey)
    .addHelpText(
      'after',
      '\nExit codes: 0 every check held; 1 a check found a problem; 2 the adapter could not be opened or set up.',
    )
    .action(async (flags: { adapter: string; target: string; apiKey?: DriverConfig['apiKeys'] }) => {
      let code = 2;
      try {
        const result = await runAdapterCheck({
          adapter: flags.adapter,
          target: flags.target,
          apiKeys: flags.apiKey,
        });
        console.log(`claimed: ${result.claimed.join(', ') || 'nothing'}`);
        if (result.emulated.length) console.log(`emulated by the adapter: ${result.emulated.join(', ')}`);
        for (const line of result.lines)
          console.log(`${line.outcome.padEnd(11)} ${line.name}${line.detail ? `: ${line.detail}` : ''}`);
        code = result.lines.some((l) => l.outcome === 'problem') ? 1 : 0;
      } catch (error) {
        console.error(`vcert adapter check: ${(error as Error).message}`);
      }
      process.exitCode = code;
      process.stdout.write('', () => process.exit(code));
    });
}
