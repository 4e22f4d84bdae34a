import { Command } from 'commander';
import { commands } from './commands/index.ts';

/** The `vcert` command line: a thin layer over the library; the only module that touches process. */
const program = new Command('vcert')
  .description('Conformance test harness and simulator for voucher redemption systems')
  .version('0.1.0');
for (const register of commands) register(program);
await program.parseAsync(process.argv);
