import { GenericContainer } from 'testcontainers';

/**
 * A GenericContainer whose published ports listen on the host's 127.0.0.1 only (testcontainers
 * publishes on every address), and which tells its owner the container's id as soon as it exists,
 * so that a run interrupted while the container starts can still remove it.
 */
export class LoopbackContainer extends GenericContainer {
  #onCreated: (id: string) => void = () => {};

  whenCreated(callback: (id: string) => void): this {
    this.#onCreated = callback;
    return this;
  }

  protected override async beforeContainerCreated(): Promise<void> {
    for (const bindings of Object.values(this.hostConfig.PortBindings ?? {})) {
      for (const binding of bindings as Array<{ HostIp?: string }>) binding.HostIp = '127.0.0.1';
    }
  }

  protected override async containerCreated(containerId: string): Promise<void> {
    this.#onCreated(containerId);
  }
}
