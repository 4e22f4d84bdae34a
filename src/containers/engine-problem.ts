import { applyTestcontainersDefaults, podmanSocket } from './testcontainers-environment.ts';

/**
 * Whether a container engine answers, as testcontainers finds one (DOCKER_HOST, then the usual
 * sockets): null when one does, else one line saying so and what to set.
 */
export async function containerEngineProblem(env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  applyTestcontainersDefaults(env);
  const { getContainerRuntimeClient } = await import('testcontainers');
  try {
    await getContainerRuntimeClient();
    return null;
  } catch {
    const where = env.DOCKER_HOST ? `at DOCKER_HOST=${env.DOCKER_HOST}` : '(DOCKER_HOST is not set)';
    return (
      `no container engine reachable ${where}: set DOCKER_HOST to a Docker or Podman API socket, ` +
      `e.g. DOCKER_HOST=${podmanSocket} after scripts/setup-containers.sh (docs/containers.md)`
    );
  }
}
