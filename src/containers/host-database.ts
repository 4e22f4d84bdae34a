import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A PostgreSQL server on the host that a container reaches through its own loopback gateway. */
export interface HostDatabase {
  /** DATABASE_URL as the container must use it. */
  containerUrl: string;
  /** The network mode that lets the container reach the host's 127.0.0.1 (Podman's slirp4netns). */
  networkMode: string;
  stop(): Promise<void>;
}

/** Inside a slirp4netns network, this address is the host's 127.0.0.1. */
const hostLoopbackFromContainer = '10.0.2.2';
export const hostLoopbackNetworkMode = 'slirp4netns:allow_host_loopback=true';

/**
 * Starts the embedded PostgreSQL (reference-impl/storage/embedded-server.ts) in a fresh temporary
 * directory on the host's 127.0.0.1, for an image that needs a DATABASE_URL. The container reaches
 * it through slirp4netns with allow_host_loopback: on the host, all the traffic is on loopback.
 */
export async function startHostDatabase(): Promise<HostDatabase> {
  const dir = await mkdtemp(join(tmpdir(), 'vcert-image-db-'));
  try {
    const { startEmbeddedServer } = await import('../../reference-impl/storage/embedded-server.ts');
    const server = await startEmbeddedServer(dir);
    const url = new URL(server.url);
    url.hostname = hostLoopbackFromContainer;
    return {
      containerUrl: url.toString(),
      networkMode: hostLoopbackNetworkMode,
      stop: () => server.stop().finally(() => rm(dir, { recursive: true, force: true })),
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
