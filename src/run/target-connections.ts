import diagnostics from 'node:diagnostics_channel';
import type { Socket } from 'node:net';

interface Connected {
  connectParams: { hostname?: string; host?: string; port?: string | number; protocol?: string };
  socket: Socket;
}

/** `host:port` of a URL, the default port made explicit, IPv6 brackets dropped. */
function endpointOf(url: string): string {
  const parsed = new URL(url);
  const port = parsed.port || (parsed.protocol === 'https:' ? '443' : '80');
  return `${parsed.hostname.replace(/^\[|\]$/g, '')}:${port}`;
}

function endpointOfParams(params: Connected['connectParams']): string {
  const host = String(params.hostname ?? params.host ?? '').replace(/^\[|\]$/g, '');
  const port = params.port ? String(params.port) : params.protocol === 'https:' ? '443' : '80';
  return `${host}:${port}`;
}

/** The connections this thread's undici clients hold to some targets, and a way to cut them. */
export interface TargetConnections {
  /** Destroys every open connection to the targets: a request waiting on one ends at once. */
  cut(reason: Error): void;
  close(): void;
}

/**
 * Watches the connections undici opens in this thread (its `undici:client:connected` diagnostics
 * channel) to the given targets. A stopped command cuts them, so that a request waiting for a slow or
 * silent target ends now rather than at its timeout, and a driver's close() (which lets requests in
 * flight finish) returns at once. New connections after a cut are left alone: stopping what would use
 * them is the stoppable driver's job.
 */
export function watchTargetConnections(urls: readonly string[]): TargetConnections {
  const endpoints = new Set(urls.map(endpointOf));
  const open = new Set<Socket>();
  const onConnected = (message: unknown) => {
    const { connectParams, socket } = message as Connected;
    if (!socket || !endpoints.has(endpointOfParams(connectParams))) return;
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  };
  diagnostics.subscribe('undici:client:connected', onConnected);
  return {
    cut(reason) {
      for (const socket of open) socket.destroy(reason);
      open.clear();
    },
    close() {
      diagnostics.unsubscribe('undici:client:connected', onConnected);
      open.clear();
    },
  };
}
