import { AfterAll, Before, BeforeAll, BeforeStep } from '@cucumber/cucumber';
import type { Driver } from '../driver/driver.ts';
import { listenForStop } from './stop-channel.ts';
import { stoppableDriver } from './stoppable-driver.ts';
import { notRunMediaType } from './stopped.ts';
import { watchTargetConnections } from './target-connections.ts';

/** The world parameter by which `vcert run` tells the steps how it announces a stop. */
export interface StopParameters {
  /** The BroadcastChannel the run announces its stop on (src/run/stop-channel.ts). */
  channel: string;
  /** URLs whose connections are cut when the run stops. */
  targets: string[];
}

/** The scenario's drivers, as the World keeps them. */
type DriverSlots = { driver?: Driver; rawDriver?: Driver };

/**
 * Registers the hooks by which a run stops (Ctrl-C, its time limit) against any target, in this thread
 * and in each of cucumber's worker threads: requests waiting for the target end at once, the step in
 * flight fails with the stop's reason, and every scenario not yet begun is skipped and marked not run.
 * Call it before the hooks that open a scenario's driver, so a skipped scenario opens nothing. Without the
 * world parameter `stop` (plain cucumber-js) it does nothing.
 */
export function registerStopHooks(): void {
  let listener: ReturnType<typeof listenForStop> | undefined;
  let connections: ReturnType<typeof watchTargetConnections> | undefined;
  const wrapped = new WeakSet<Driver>();

  BeforeAll(function () {
    const parameters = (this as { parameters?: { stop?: StopParameters } }).parameters?.stop;
    if (!parameters) return;
    const heard = listenForStop(parameters.channel);
    const watched = watchTargetConnections(parameters.targets);
    heard.signal.addEventListener('abort', () => watched.cut(heard.signal.reason as Error), { once: true });
    listener = heard;
    connections = watched;
  });

  AfterAll(() => {
    listener?.close();
    connections?.close();
    listener = undefined;
    connections = undefined;
  });

  Before(function () {
    if (!listener?.signal.aborted) return undefined;
    this.attach(JSON.stringify({ notRun: (listener.signal.reason as Error).message }), notRunMediaType);
    return 'skipped';
  });

  BeforeStep(function () {
    if (!listener) return;
    if (listener.signal.aborted) throw listener.signal.reason;
    const world = this as DriverSlots;
    for (const slot of ['driver', 'rawDriver'] as const) {
      const driver = world[slot];
      if (!driver || wrapped.has(driver)) continue;
      const guarded = stoppableDriver(driver, listener.signal);
      wrapped.add(guarded);
      world[slot] = guarded;
    }
  });
}
