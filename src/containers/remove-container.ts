import { getContainerRuntimeClient } from 'testcontainers';

/** Force-removes a container and its anonymous volumes; one already gone is not an error. */
export async function removeContainer(containerId: string): Promise<void> {
  const client = await getContainerRuntimeClient();
  try {
    await client.container.getById(containerId).remove({ force: true, v: true });
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode !== 404) throw error;
  }
}
