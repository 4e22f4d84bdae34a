import { request } from 'undici';

/** The most workers chosen by latency: each is a Node process; past this the target, not the wait, limits. */
export const maxAutoWorkers = 8;
/** Below this round trip the suite runs in one process: starting workers costs more than it saves. */
export const serialBelowMs = 10;

/**
 * The round trip to a target in ms: the median of `tries` small requests to its base URL (whatever it
 * answers, even 404, measures the network and the server's HTTP stack), after one to open a connection.
 * Undefined when it does not answer within `timeoutMs`.
 */
export async function roundTripMs(url: string, tries = 3, timeoutMs = 5000): Promise<number | undefined> {
  const once = async () => {
    const started = performance.now();
    const answer = await request(url, {
      method: 'GET',
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await answer.body.dump();
    return performance.now() - started;
  };
  try {
    await once();
    const times: number[] = [];
    for (let i = 0; i < tries; i += 1) times.push(await once());
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)];
  } catch {
    return undefined;
  }
}

/**
 * Workers for a target of this round trip, when --parallel is not given: none below 10 ms, then one per
 * 6 ms of round trip, at most 8 (a target 50 ms away: 8 workers, the suite in under a minute).
 */
export function workersFor(roundTrip: number | undefined): number {
  if (roundTrip === undefined || roundTrip < serialBelowMs) return 0;
  return Math.min(maxAutoWorkers, Math.ceil(roundTrip / 6));
}

/** Whether a URL's host is this machine (127.0.0.0/8, ::1, localhost): no network between, no latency to hide. */
export function onLoopback(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
