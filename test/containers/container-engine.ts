import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { getContainerRuntimeClient } from 'testcontainers';
import { podmanSocket } from '../../src/containers/testcontainers-environment.ts';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');

export const referenceImage = 'localhost/vcert-reference:latest';
export const neverHealthyImage = 'localhost/vcert-never-healthy:test';

/** VCERT_SKIP_CONTAINERS=1 skips the tests that need a container engine (say why in the commit). */
export const skipContainers = process.env.VCERT_SKIP_CONTAINERS === '1';

/**
 * Brings the engine up exactly as a vendor's machine would (scripts/setup-containers.sh: Podman,
 * runc, the API socket, the base and reference images; idempotent), then builds the never-healthy
 * fixture. Unless DOCKER_HOST is set, the tests use Podman's socket. Prints the set-up's timings.
 */
export async function bringUpEngine(): Promise<void> {
  const setup = await run('bash', [resolve(root, 'scripts/setup-containers.sh')], {
    timeout: 15 * 60_000,
    maxBuffer: 10 * 1024 * 1024,
  });
  process.stderr.write(setup.stdout);
  process.env.DOCKER_HOST ??= podmanSocket;
  await run(
    'podman',
    [
      'build',
      '--quiet',
      '-f',
      resolve(import.meta.dirname, 'fixtures/never-healthy.Containerfile'),
      '-t',
      neverHealthyImage,
      resolve(import.meta.dirname, 'fixtures'),
    ],
    { timeout: 5 * 60_000 },
  );
}

/** Containers of `image` the engine still has, running or not (asked through its API). */
export async function containersOf(image: string): Promise<string[]> {
  const client = await getContainerRuntimeClient();
  const all = await client.container.dockerode.listContainers({ all: true });
  return all.filter((c) => c.Image === image || c.ImageID === image).map((c) => c.Id);
}
