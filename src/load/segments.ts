/**
 * The execution segments that split one test across `count` k6 processes, as k6-operator does for its
 * runners: equal parts of the sequence 0,1/n,...,1 (k6 gives each part its share of VUs and arrivals).
 */
export function executionSegments(count: number): { sequence: string; segments: string[] } {
  if (!Number.isInteger(count) || count < 1 || count > 64)
    throw new Error('segments must be an integer from 1 to 64');
  const bound = (i: number) => (i === 0 ? '0' : i === count ? '1' : `${i}/${count}`);
  const sequence = Array.from({ length: count + 1 }, (_, i) => bound(i)).join(',');
  const segments = Array.from({ length: count }, (_, i) => `${bound(i)}:${bound(i + 1)}`);
  return { sequence, segments };
}
