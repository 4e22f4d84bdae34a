import { writeFileSync } from 'node:fs';

/**
 * Loaded with `node --import` into a child whose memory a test measures: when the child exits, its
 * peak resident set size (kilobytes, process.resourceUsage().maxRSS) is written to VCERT_MAX_RSS_FILE.
 */
const out = process.env.VCERT_MAX_RSS_FILE;
if (out) process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS)));
