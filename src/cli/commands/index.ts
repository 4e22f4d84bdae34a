import type { Command } from 'commander';

/** A module of subcommands: the top-level names it registers, and the module, loaded when needed. */
export interface CommandModule {
  names: readonly string[];
  load: () => Promise<(program: Command) => void>;
}

/**
 * Every subcommand; add new ones here. Modules are loaded on demand: `vcert check FILE` loads its own
 * alone (the others bring cucumber, fastify, PostgreSQL and more: seconds of start-up), while help, an
 * unknown name or a bare `vcert` load them all, in this order.
 */
export const commands: readonly CommandModule[] = [
  { names: ['serve'], load: async () => (await import('./serve.ts')).registerServe },
  { names: ['tenders'], load: async () => (await import('./tenders.ts')).registerTenders },
  { names: ['check'], load: async () => (await import('./check.ts')).registerCheck },
  { names: ['run'], load: async () => (await import('./run.ts')).registerRun },
  { names: ['merge'], load: async () => (await import('./merge.ts')).registerMerge },
  { names: ['load'], load: async () => (await import('./load.ts')).registerLoad },
  { names: ['race'], load: async () => (await import('./race.ts')).registerRace },
  { names: ['properties'], load: async () => (await import('./properties.ts')).registerProperties },
  { names: ['adapter'], load: async () => (await import('./adapter.ts')).registerAdapter },
  { names: ['keygen', 'sign', 'verify'], load: async () => (await import('./sign.ts')).registerSign },
];
