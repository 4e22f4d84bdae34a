import { Command } from 'commander';
import { commands } from './commands/index.ts';

/** The `vcert` command line: a thin layer over the library; the only module that touches process. */
const program = new Command('vcert')
  .description('Conformance test harness and simulator for voucher redemption systems')
  .version('0.1.0')
  // A subcommand's options after its name are its own: `vcert load merge DIR --out X` is merge's --out.
  .enablePositionalOptions();
const named = commands.filter((command) => command.names.includes(process.argv[2] ?? ''));
for (const command of named.length > 0 ? named : commands) (await command.load())(program);
await program.parseAsync(process.argv);
