import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface Share {
  name: string;
  percent: number;
}

export interface ProfileSummary {
  /** Self time by where the code lives: a package, a reference-impl folder, node internals, GC. */
  byPlace: Share[];
  /** Self time of the hottest functions. */
  byFunction: Share[];
  /** Inclusive time of marker functions: how much of the busy time runs under each. */
  under: Share[];
  busyMs: number;
}

/** Where a call frame's code lives, coarse enough to act on. */
function placeOf(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native / V8 builtins)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] as string;
  const own = /\/(reference-impl\/[^/]+|spec|bench)\//.exec(url);
  if (own) return own[1] as string;
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/').slice(0, 2).join('/')}`;
  return url;
}

const top = (map: Map<string, number>, total: number, n: number): Share[] =>
  [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, ms]) => ({ name, percent: (100 * ms) / total }));

/**
 * Summarises a V8 .cpuprofile: self time by place and by function, and the inclusive time of the
 * functions named in `markers` (e.g. `authenticate`, `inTransaction`). Idle time is left out.
 */
export function summariseProfile(path: string, markers: string[], n = 12): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  });
  const places = new Map<string, number>();
  const functions = new Map<string, number>();
  const under = new Map<string, number>(markers.map((m) => [m, 0]));
  let busyMs = 0;
  for (const [id, ms] of selfMs) {
    const frame = byId.get(id)?.callFrame;
    if (!frame || frame.functionName === '(idle)') continue;
    busyMs += ms;
    const place = placeOf(frame.url, frame.functionName);
    places.set(place, (places.get(place) ?? 0) + ms);
    const fn = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').slice(-2).join('/')}:${frame.lineNumber + 1}`;
    functions.set(fn, (functions.get(fn) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = byId.get(at)?.callFrame.functionName ?? '';
      if (under.has(name) && !seen.has(name)) {
        seen.add(name);
        under.set(name, (under.get(name) ?? 0) + ms);
      }
    }
  }
  return {
    byPlace: top(places, busyMs, n),
    byFunction: top(functions, busyMs, n),
    under: top(under, busyMs, markers.length),
    busyMs,
  };
}
