/** The API socket scripts/setup-containers.sh starts: Podman's Docker-compatible API, as root. */
export const podmanSocket = 'unix:///run/podman/podman.sock';

/**
 * Defaults testcontainers reads from the environment, set before it is loaded (only where unset):
 * no ryuk, since vcert removes its own containers and ryuk's image cannot be pulled on machines
 * without a registry; and, for a local engine, mapped ports reached on 127.0.0.1 only.
 */
export function applyTestcontainersDefaults(env: NodeJS.ProcessEnv = process.env): void {
  env.TESTCONTAINERS_RYUK_DISABLED ??= 'true';
  const local = env.DOCKER_HOST === undefined || env.DOCKER_HOST.startsWith('unix://');
  if (local) env.TESTCONTAINERS_HOST_OVERRIDE ??= '127.0.0.1';
}
