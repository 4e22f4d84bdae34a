import type { ProfileSummary } from './profile-summary.ts';
import { formatTable } from './table.ts';

const ms = (n: number | undefined) => (n ?? 0).toFixed(3);

/**
 * Lines comparing where the CPU goes, per redemption, in the ceiling loop (this process) and in the
 * HTTP server (its own process): what the server spends beyond the loop is the HTTP layer's cost.
 */
export function profileLines(name: string, profile: { ceiling: ProfileSummary; server: ProfileSummary }) {
  const { ceiling, server } = profile;
  const of = (summary: ProfileSummary, place: string) => summary.byPlace.find((s) => s.name === place)?.msPer;
  const names = [...new Set([...server.byPlace, ...ceiling.byPlace].map((s) => s.name))]
    .sort(
      (a, b) =>
        Math.max(of(server, b) ?? 0, of(ceiling, b) ?? 0) - Math.max(of(server, a) ?? 0, of(ceiling, a) ?? 0),
    )
    .slice(0, 16);
  const rows = names
    .map(
      (place) =>
        [
          place,
          ms(of(ceiling, place)),
          ms(of(server, place)),
          (of(server, place) ?? 0) - (of(ceiling, place) ?? 0),
        ] as const,
    )
    .sort((a, b) => b[3] - a[3])
    .map(([place, c, s, d]) => [place, c, s, (d >= 0 ? '+' : '') + ms(d)]);
  rows.push([
    'all (busy, without idle)',
    ms(ceiling.busyMsPer),
    ms(server.busyMsPer),
    `+${ms(server.busyMsPer - ceiling.busyMsPer)}`,
  ]);
  return [
    `CPU profile, ${name}: self ms per redemption by place, the 16 largest (V8 sampling profiler, one extra`,
    'phase per path; sampled time includes time preempted inside a call, so a busy machine inflates natives)',
    formatTable(['place', 'ceiling loop', 'http server', 'difference'], rows),
    '',
    `hottest functions in the HTTP server, ${name} (self time):`,
    formatTable(
      ['function', 'ms / redemption', '%'],
      server.byFunction.map((s) => [s.name, ms(s.msPer), s.percent.toFixed(1)]),
    ),
  ];
}
