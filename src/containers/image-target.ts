import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { getContainerRuntimeClient, type StartedTestContainer, Wait } from 'testcontainers';
import type { RunTarget } from '../run/run-target.ts';
import { LoopbackContainer } from './loopback-container.ts';
import { removeContainer } from './remove-container.ts';
import { type EngineAddress, removeOnExit } from './remove-on-exit.ts';
import { applyTestcontainersDefaults } from './testcontainers-environment.ts';

export interface ImageTargetOptions {
  /** The image to certify, e.g. localhost/vcert-reference:latest (pulled when not present). */
  image: string;
  /** The container port the service listens on; default 8080. */
  port?: number;
  /** Environment of the container. */
  env?: Record<string, string>;
  /** Path answering 2xx once the service is ready; default /health. */
  health?: string;
  /** How long the container may take to become healthy; default 60 s. */
  startupTimeoutMs?: number;
  /** Network mode of the container (e.g. slirp4netns:allow_host_loopback=true); default the engine's. */
  networkMode?: string;
  /** Where the container's output (stdout and stderr) is written, from its start to its removal. */
  logFile: string;
  /** Aborting while the container starts removes it at once. */
  signal?: AbortSignal;
}

const stopGraceMs = 10_000;
const logDrainMs = 5_000;

/**
 * Starts a vendor's image with testcontainers, its port published on 127.0.0.1 only, and waits for
 * its health path. The returned target's close() stops and removes the container; so does a failed
 * or aborted start. The container's output goes to `logFile` throughout.
 */
export async function startImageTarget(options: ImageTargetOptions): Promise<RunTarget> {
  applyTestcontainersDefaults();
  const port = options.port ?? 8080;
  const health = options.health ?? '/health';
  const timeoutMs = options.startupTimeoutMs ?? 60_000;
  const log = createWriteStream(options.logFile);
  const logClosed = finished(log).catch(() => {});
  const drainLog = async () => {
    await Promise.race([logClosed, sleep(logDrainMs)]);
    log.end();
  };
  // dockerode's modem keeps the address it dials (socketPath, host, port), which its types leave out.
  const engine = (await getContainerRuntimeClient()).container.dockerode.modem as EngineAddress;
  let containerId: string | undefined;
  let cancelRemoveOnExit = () => {};
  const onAbort = () => {
    if (containerId) void removeContainer(containerId).catch(() => {});
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });

  let started: StartedTestContainer;
  try {
    const container = new LoopbackContainer(options.image);
    if (options.networkMode) container.withNetworkMode(options.networkMode);
    started = await container
      .withExposedPorts(port)
      .withEnvironment(options.env ?? {})
      .withLogConsumer((stream) => stream.pipe(log))
      .withWaitStrategy(Wait.forHttp(health, port, { abortOnContainerExit: true }))
      .withStartupTimeout(timeoutMs)
      .whenCreated((id) => {
        containerId = id;
        cancelRemoveOnExit = removeOnExit(id, engine);
        if (options.signal?.aborted) onAbort();
      })
      .start();
  } catch (error) {
    if (containerId) await removeContainer(containerId).then(cancelRemoveOnExit, () => {});
    await drainLog();
    throw new Error(startFailure(options.image, health, port, timeoutMs, options.signal, error));
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }

  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${started.getMappedPort(port)}`,
    implementation: 'external',
    close() {
      closing ??= started
        .stop({ timeout: stopGraceMs, remove: true, removeVolumes: true })
        .then(
          () => {},
          () => removeContainer(started.getId()),
        )
        .then(cancelRemoveOnExit)
        .finally(drainLog);
      return closing;
    },
  };
}

function startFailure(
  image: string,
  health: string,
  port: number,
  timeoutMs: number,
  signal: AbortSignal | undefined,
  error: unknown,
): string {
  if (signal?.aborted) return `image ${image}: interrupted while starting; the container was removed`;
  const message = error instanceof Error ? error.message : String(error);
  if (/not accessible after/.test(message)) {
    return `image ${image} did not become healthy: GET ${health} on container port ${port} did not answer 2xx within ${timeoutMs / 1000} s; the container was removed`;
  }
  if (/exited during HTTP healthCheck/.test(message)) {
    return `image ${image} exited before GET ${health} answered; the container was removed`;
  }
  return `image ${image} could not be started: ${message.split('\n')[0]}`;
}
