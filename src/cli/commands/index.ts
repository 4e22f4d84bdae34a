import type { Command } from 'commander';
import { registerAdapter } from './adapter.ts';
import { registerCheck } from './check.ts';
import { registerLoad } from './load.ts';
import { registerMerge } from './merge.ts';
import { registerProperties } from './properties.ts';
import { registerRace } from './race.ts';
import { registerRun } from './run.ts';
import { registerServe } from './serve.ts';
import { registerSign } from './sign.ts';
import { registerTenders } from './tenders.ts';

/** Every subcommand registers itself on the program; add new ones here. */
export const commands: ReadonlyArray<(program: Command) => void> = [
  registerServe,
  registerTenders,
  registerCheck,
  registerRun,
  registerMerge,
  registerLoad,
  registerRace,
  registerProperties,
  registerAdapter,
  registerSign,
];
