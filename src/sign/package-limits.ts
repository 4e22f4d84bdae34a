/**
 * How big a certification package may be. `vcert verify` holds a package in memory, so it refuses one
 * over these bounds before reading further; `vcert sign` refuses to make one it could not verify.
 */
export const packageLimits = {
  /** Uncompressed bytes of the tar stream (headers, contents and padding). */
  maxBytes: 1024 ** 3,
  /** Entries of any kind in the tar stream. */
  maxEntries: 100_000,
};

export type PackageLimits = typeof packageLimits;

/** "1 GiB", "512 bytes": a limit as a person reads it. */
export function describeBytes(bytes: number): string {
  if (bytes >= 1024 ** 3 && bytes % 1024 ** 3 === 0) return `${bytes / 1024 ** 3} GiB`;
  if (bytes >= 1024 ** 2 && bytes % 1024 ** 2 === 0) return `${bytes / 1024 ** 2} MiB`;
  return `${bytes} bytes`;
}
