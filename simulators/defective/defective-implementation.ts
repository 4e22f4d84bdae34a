import type { Faults } from '../../reference-impl/faults.ts';

/** A running target that the harness can be pointed at. */
export interface StartedTarget {
  url: string;
  close(): Promise<void>;
}

export interface StartOptions {
  /** A PostgreSQL server to share (several targets may use one); else DATABASE_URL, else an embedded one. */
  databaseUrl?: string;
  /** Run it in a child process whose output (the server's log) goes to this file, not to this process's. */
  logFile?: string;
}

/**
 * The reference implementation with exactly one deliberate defect. The harness's own tests point the
 * conformance suite and the checkers at it and expect the `catches` to fail and the rest to pass.
 */
export interface DefectiveImplementation {
  /** Kebab-case, the module's file name. */
  name: string;
  /** One line: what is wrong. */
  defect: string;
  /** Exactly one fault of the reference implementation's seam, set. */
  faults: Readonly<Faults>;
  /** Requirement ids (`RD-03`), scenario families (`features/policies`) and checkers (`checker:money-bounds`). */
  catches: readonly string[];
  /** Starts it with test control on, on 127.0.0.1. */
  start(options?: StartOptions): Promise<StartedTarget>;
}
