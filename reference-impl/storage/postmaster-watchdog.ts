import { spawn } from 'node:child_process';

/**
 * Stops the PostgreSQL server `pid` when this process ends, however it ends (kill -9 included): a
 * small shell reads its stdin, a pipe from this process, which the system closes when this process
 * dies; at end of input it asks the server for a fast shutdown. Returns the function that dismisses
 * the watchdog, for an orderly stop. Where no shell can be started, nothing watches, and the next
 * start on the data directory stops the orphan (orphan-postmaster.ts).
 */
export function watchPostmaster(pid: number): () => void {
  if (process.platform === 'win32') return () => {};
  const watchdog = spawn(
    '/bin/sh',
    ['-c', 'read -r _; kill -INT "$1" 2>/dev/null', 'vcert-watchdog', String(pid)],
    {
      stdio: ['pipe', 'ignore', 'ignore'],
    },
  );
  watchdog.on('error', () => {});
  watchdog.stdin?.on('error', () => {});
  // Neither the watchdog nor its pipe keeps this process alive.
  watchdog.unref();
  (watchdog.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  return () => {
    watchdog.kill('SIGKILL');
  };
}
