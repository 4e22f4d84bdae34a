import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/** CPU time used so far (ms) by the machine, this process, the server process and PostgreSQL. */
export interface CpuSample {
  machineBusy: number;
  bench: number;
  server: number;
  postgres: number;
}

/** Cores busy per part over an interval (1.0 = one core fully busy). */
export interface CpuUse {
  bench: number;
  server: number;
  postgres: number;
  other: number;
  idle: number;
}

const ticksPerMs = 100 / 1000; // Linux USER_HZ

function machineBusyMs(): number {
  return cpus().reduce((sum, c) => sum + c.times.user + c.times.nice + c.times.sys + c.times.irq, 0);
}

/** Fields of /proc/<pid>/stat after the command name: [state, ppid, ...]. */
function statFields(pid: string): string[] | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null; // gone meanwhile
  }
}

/** PostgreSQL's CPU: the postmaster, its live children, and (cutime, cstime) its children that ended. */
function postgresMs(postmasterPid: number): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const f = statFields(pid);
    if (!f) continue;
    // After the name: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14)
    if (Number(pid) === postmasterPid) ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
    else if (Number(f[1]) === postmasterPid) ticks += Number(f[11]) + Number(f[12]);
  }
  return ticks / ticksPerMs;
}

/** Reads the postmaster's pid from its data directory (first line of postmaster.pid). */
export function postmasterPidOf(pgDataDir: string): number {
  return Number(readFileSync(`${pgDataDir}/postmaster.pid`, 'utf8').split('\n')[0]);
}

export async function sampleCpu(
  postmasterPid: number,
  serverCpuMs: () => Promise<number>,
): Promise<CpuSample> {
  const own = process.cpuUsage();
  return {
    machineBusy: machineBusyMs(),
    bench: (own.user + own.system) / 1000,
    server: await serverCpuMs(),
    postgres: postgresMs(postmasterPid),
  };
}

/** What was used between two samples. */
export function cpuBetween(before: CpuSample, after: CpuSample): CpuSample {
  return {
    machineBusy: after.machineBusy - before.machineBusy,
    bench: after.bench - before.bench,
    server: after.server - before.server,
    postgres: after.postgres - before.postgres,
  };
}

export function addCpu(a: CpuSample, b: CpuSample): CpuSample {
  return {
    machineBusy: a.machineBusy + b.machineBusy,
    bench: a.bench + b.bench,
    server: a.server + b.server,
    postgres: a.postgres + b.postgres,
  };
}

export const noCpu: CpuSample = { machineBusy: 0, bench: 0, server: 0, postgres: 0 };

/** Average cores busy per part while `used` was spent over `wallMs`. */
export function cpuUse(used: CpuSample, wallMs: number): CpuUse {
  const cores = (ms: number) => ms / wallMs;
  const [bench, server, postgres, busy] = [used.bench, used.server, used.postgres, used.machineBusy].map(
    cores,
  ) as [number, number, number, number];
  return {
    bench,
    server,
    postgres,
    other: Math.max(0, busy - bench - server - postgres),
    idle: Math.max(0, cpus().length - busy),
  };
}
