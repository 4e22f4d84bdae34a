import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface Share {
  name: string;
  /** Self CPU ms per redemption. */
  msPer: number;
  percent: number;
}

export interface ProfileSummary {
  /** Busy (non-idle) ms per redemption. */
  busyMsPer: number;
  /** Self time by where the code lives (all places): a package, a reference-impl folder, node internals, GC, V8 natives. */
  byPlace: Share[];
  /** Self time of the hottest functions. */
  byFunction: Share[];
}

/** Where a call frame's code lives, coarse enough to act on. */
export function placeOf(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : `native ${name || '(anonymous)'}`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] as string;
  const own = /\/(reference-impl\/[^/]+|spec|bench)\//.exec(url);
  if (own) return own[1] as string;
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/').slice(0, 2).join('/')}`;
  return url;
}

function shares(map: Map<string, number>, busyMs: number, redemptions: number, n: number): Share[] {
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, ms]) => ({ name, msPer: ms / redemptions, percent: (100 * ms) / busyMs }));
}

/**
 * Summarises a V8 .cpuprofile taken over `redemptions` redemptions: self time by place and by
 * function, per redemption. Idle time is left out; natives (e.g. `writev`, the socket writes) are
 * named, since on loopback they carry the kernel's share of each message.
 */
export function summariseProfile(path: string, redemptions: number, n = 14): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const places = new Map<string, number>();
  const functions = new Map<string, number>();
  let busyMs = 0;
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)?.callFrame;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (!frame || frame.functionName === '(idle)') return;
    busyMs += ms;
    const place = placeOf(frame.url, frame.functionName);
    places.set(place, (places.get(place) ?? 0) + ms);
    const file = frame.url.split('/').slice(-2).join('/');
    const fn = `${frame.functionName || '(anonymous)'}${file ? ` ${file}:${frame.lineNumber + 1}` : ''}`;
    functions.set(fn, (functions.get(fn) ?? 0) + ms);
  });
  return {
    busyMsPer: busyMs / redemptions,
    byPlace: shares(places, busyMs, redemptions, places.size),
    byFunction: shares(functions, busyMs, redemptions, n),
  };
}
