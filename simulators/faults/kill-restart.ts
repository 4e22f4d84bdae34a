import { setTimeout as sleep } from 'node:timers/promises';
import type { ChildServer } from './child-server.ts';

export interface KillRestartOptions {
  /** First kill this long after the start, then every `everyMs`. */
  firstMs: number;
  everyMs: number;
  /** How long the server stays dead before the restart. */
  downMs: number;
  /** At most this many kills. */
  times: number;
}

/** The process nemesis: kill -9 the server and start it again, on a schedule, until stopped or done. */
export function killAndRestart(server: ChildServer, options: KillRestartOptions) {
  let stopped = false;
  let kills = 0;
  const abort = new AbortController();
  const nap = (ms: number) => sleep(ms, undefined, { signal: abort.signal }).catch(() => {});
  const done = (async () => {
    await nap(options.firstMs);
    while (!stopped && kills < options.times) {
      await server.kill();
      kills += 1;
      await sleep(options.downMs);
      await server.restart();
      if (kills < options.times && !stopped) await nap(options.everyMs);
    }
  })();
  return {
    get kills() {
      return kills;
    },
    /** Stops scheduling more kills; resolves once the server is up again. */
    async stop(): Promise<number> {
      stopped = true;
      abort.abort();
      await done;
      return kills;
    },
  };
}
