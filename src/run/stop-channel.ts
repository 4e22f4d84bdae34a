import { randomUUID } from 'node:crypto';
import { BroadcastChannel } from 'node:worker_threads';
import { type StopCause, Stopped, stopCauseOf } from './stopped.ts';

type StopMessage = { kind: 'hello' } | { kind: 'stop'; cause: StopCause };

/** A fresh channel name for one run: cucumber's workers find the run's stop by it (a world parameter). */
export const newStopChannelName = () => `vcert-stop-${randomUUID()}`;

/** The stops announced in this thread, by channel: a listener here shares the signal itself, at once. */
const announced = new Map<string, AbortSignal>();

/**
 * The run's side: when `signal` aborts, every listener of the channel hears why, in this thread and in
 * cucumber's worker threads; a listener that says hello after the stop hears it then.
 */
export function announceStop(name: string, signal: AbortSignal): { close(): void } {
  const channel = new BroadcastChannel(name);
  channel.unref();
  const announce = () => {
    const cause = stopCauseOf(signal);
    if (cause) channel.postMessage({ kind: 'stop', cause } satisfies StopMessage);
  };
  channel.onmessage = (event) => {
    if ((event as unknown as { data?: StopMessage }).data?.kind === 'hello') announce();
  };
  signal.addEventListener('abort', announce, { once: true });
  announced.set(name, signal);
  return {
    close() {
      announced.delete(name);
      signal.removeEventListener('abort', announce);
      channel.close();
    },
  };
}

/**
 * A worker's side: a signal that aborts (with a Stopped reason) when the run announces its stop. In the
 * run's own thread (cucumber without workers) it is the run's signal: no message to wait for.
 */
export function listenForStop(name: string): { signal: AbortSignal; close(): void } {
  const local = announced.get(name);
  if (local) return { signal: local, close: () => {} };
  const controller = new AbortController();
  const channel = new BroadcastChannel(name);
  channel.unref();
  channel.onmessage = (event) => {
    const data = (event as unknown as { data?: StopMessage }).data;
    if (data?.kind === 'stop' && !controller.signal.aborted) controller.abort(new Stopped(data.cause));
  };
  channel.postMessage({ kind: 'hello' } satisfies StopMessage);
  return { signal: controller.signal, close: () => channel.close() };
}
