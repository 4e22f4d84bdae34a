import { formatDuration } from './duration.ts';

/** Attached by a scenario the run stopped before it began: the summary reports it "not run". */
export const notRunMediaType = 'application/vnd.vcert.not-run+json';

/** Why a command ended before its work was done: a signal (Ctrl-C), or its overall time limit. */
export type StopCause = { kind: 'interrupt'; signal: string } | { kind: 'time-limit'; limitMs: number };

/** One line for what stopped a command, as every report and console line says it. */
export function describeStop(cause: StopCause): string {
  return cause.kind === 'time-limit'
    ? `the time limit of ${formatDuration(cause.limitMs)} was reached`
    : `interrupted (${cause.signal})`;
}

/**
 * The reason of an aborted stop signal, and what a stoppable driver throws once it is aborted: the
 * command stopped, so what was not done is "not run", never a finding about the target.
 */
export class Stopped extends Error {
  override name = 'Stopped';
  readonly stop: StopCause;
  constructor(stop: StopCause) {
    super(describeStop(stop));
    this.stop = stop;
    // Where it was thrown says nothing: the message is all there is to report.
    this.stack = `${this.name}: ${this.message}`;
  }
}

/** The cause behind an aborted signal: a Stopped reason, else an interrupt of unknown origin. */
export function stopCauseOf(signal: AbortSignal): StopCause | undefined {
  if (!signal.aborted) return undefined;
  return signal.reason instanceof Stopped ? signal.reason.stop : { kind: 'interrupt', signal: 'abort' };
}

/** A command's stop: aborted by the caller's signal (an interrupt) or when its time limit is reached. */
export interface CommandStop {
  readonly signal: AbortSignal;
  /** Why it stopped, once it has. */
  cause(): StopCause | undefined;
  /** When it stopped (epoch ms), once it has. */
  at(): number | undefined;
  /** Clears the timer and the listener; the signal stays as it is. */
  dispose(): void;
}

/**
 * The stop of one command: aborts with a Stopped reason when `signal` aborts (the CLI's interrupt) or
 * `timeLimitMs` after now. The timer does not keep the process alive by itself.
 */
export function commandStop(options: { signal?: AbortSignal; timeLimitMs?: number }): CommandStop {
  const controller = new AbortController();
  let at: number | undefined;
  const stop = (cause: StopCause) => {
    if (controller.signal.aborted) return;
    at = Date.now();
    controller.abort(new Stopped(cause));
  };
  const fromCaller = () => {
    const given = options.signal;
    if (given) stop(stopCauseOf(given) ?? { kind: 'interrupt', signal: 'abort' });
  };
  if (options.signal?.aborted) fromCaller();
  else options.signal?.addEventListener('abort', fromCaller, { once: true });
  const limit = options.timeLimitMs;
  const timer =
    limit === undefined ? undefined : setTimeout(() => stop({ kind: 'time-limit', limitMs: limit }), limit);
  timer?.unref();
  return {
    signal: controller.signal,
    cause: () => stopCauseOf(controller.signal),
    at: () => at,
    dispose() {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', fromCaller);
    },
  };
}

/** Resolves with `work`, or rejects with the stop's reason as soon as `signal` aborts. */
export function unlessStopped<T>(signal: AbortSignal, work: Promise<T>): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}
