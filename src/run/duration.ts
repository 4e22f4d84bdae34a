import { InvalidArgumentError, Option } from 'commander';

const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const part = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;

/**
 * Milliseconds of a duration as k6 and Go write them: `500ms`, `90s`, `20m`, `1h30m`; a bare number is
 * seconds. Throws on anything else, on zero and on more than a week: a limit must be a real limit.
 */
export function parseDuration(text: string): number {
  const trimmed = text.trim();
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(trimmed)) ms = Number(trimmed) * 1000;
  else if (/^(\d+(\.\d+)?(ms|s|m|h))+$/.test(trimmed))
    ms = [...trimmed.matchAll(part)].reduce(
      (sum, [, n, unit]) => sum + Number(n) * (units[unit as string] ?? 0),
      0,
    );
  else throw new Error(`"${text}" is not a duration (e.g. 500ms, 90s, 20m, 1h30m; a bare number is seconds)`);
  ms = Math.round(ms);
  if (ms < 1) throw new Error(`"${text}" is not a duration above zero`);
  if (ms > 7 * 24 * 3_600_000) throw new Error(`"${text}" is longer than a week`);
  return ms;
}

/** A duration flag's parser for commander: a bad value is its one-line error (exit code 2). */
export function durationFlag(text: string): number {
  try {
    return parseDuration(text);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

/** A duration option, its default shown as a duration (`20m`), not as milliseconds. */
export function durationOption(flags: string, description: string, defaultMs?: number): Option {
  const option = new Option(flags, description).argParser(durationFlag);
  return defaultMs === undefined ? option : option.default(defaultMs, formatDuration(defaultMs));
}

/** The shortest way to write a duration: `20m`, `1h30m`, `90s` stays `1m30s`, `1500ms` is `1.5s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms % 1000 !== 0 && ms < 60_000) return `${Math.round(ms / 100) / 10}s`;
  let rest = Math.round(ms / 1000);
  const h = Math.floor(rest / 3600);
  rest -= h * 3600;
  const m = Math.floor(rest / 60);
  const s = rest - m * 60;
  return `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s ? `${s}s` : ''}` || '0s';
}
