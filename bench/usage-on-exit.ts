import { writeFileSync } from 'node:fs';

/**
 * Loaded with `node --import` into a command a benchmark times: when it exits, its peak resident set
 * size (kB) and the CPU time of all its threads (ms, user and system) go to VCERT_USAGE_FILE as JSON.
 * On a busy machine the wall time grows with the wait for a core; the CPU time much less.
 */
const out = process.env.VCERT_USAGE_FILE;
if (out)
  process.on('exit', () => {
    const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
    writeFileSync(out, JSON.stringify({ maxRssKb: maxRSS, cpuMs: (userCPUTime + systemCPUTime) / 1000 }));
  });
