import type { Command } from 'commander';
import { registerServe } from './serve.ts';

/** Every subcommand registers itself on the program; add new ones here. */
export const commands: ReadonlyArray<(program: Command) => void> = [registerServe];
