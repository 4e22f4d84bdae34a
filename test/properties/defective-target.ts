import { fork } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';

/** Defective implementations running in a child process whose output goes to a log file. */
export interface DefectiveTargets {
  /** The URL of each, by name. */
  urls: ReadonlyMap<string, string>;
  log: string;
  close(): Promise<void>;
}

/**
 * Starts simulators/defective/<name> for each name in one child process, on the given PostgreSQL server
 * (shared: tenants isolate), their logs appended to `<logDir>/defective.log`; resolves once all listen.
 */
export async function startDefectiveTargets(
  names: readonly string[],
  databaseUrl: string,
  logDir: string,
): Promise<DefectiveTargets> {
  const log = join(logDir, 'defective.log');
  const fd = openSync(log, 'a');
  const child = fork(join(import.meta.dirname, 'defective-child.ts'), [databaseUrl, ...names], {
    stdio: ['ignore', fd, fd, 'ipc'],
    execArgv: [],
  });
  closeSync(fd);
  const [message] = (await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(([code]) => {
      throw new Error(`defective implementations exited with ${code} before listening; see ${log}`);
    }),
  ])) as [{ urls: Record<string, string> }];
  return {
    urls: new Map(Object.entries(message.urls)),
    log,
    async close() {
      if (child.exitCode !== null || !child.connected) return;
      const exited = once(child, 'exit');
      child.disconnect();
      await exited;
    },
  };
}

/** One running defective implementation. */
export interface DefectiveTarget {
  url: string;
  log: string;
  close(): Promise<void>;
}

/** One defective implementation in a child process (see startDefectiveTargets). */
export async function startDefectiveTarget(
  name: string,
  databaseUrl: string,
  logDir: string,
): Promise<DefectiveTarget> {
  const targets = await startDefectiveTargets([name], databaseUrl, logDir);
  return { url: targets.urls.get(name) as string, log: targets.log, close: () => targets.close() };
}
