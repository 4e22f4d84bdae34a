import { type Capability, capabilityNames } from '../../spec/capabilities.ts';
import { routeOf } from '../../src/driver/route-table.ts';

/** The media type of the attachment that lists what one step did and which capabilities that needs. */
export const stepTraceMediaType = 'application/vnd.vcert.step-trace+json';

/** What one step did: the operations it invoked and the capabilities they and its arrangements need. */
export interface StepTrace {
  step: string;
  operations: string[];
  needs: Capability[];
}

/**
 * Collects, step by step, what a scenario needs beyond the core: each operation's capability (from the
 * route table), and what its Given-steps asked of the provider state (an explicit policy, one-time
 * vouchers). Paying ("pays X with voucher V") uses holds or a one-step redemption, whichever the target
 * claims: that is the core, noted as such. The harness's own bookkeeping reads are not noted.
 */
export class CapabilityNeeds {
  #operations: string[] = [];
  #needs = new Set<Capability>();
  /** How deep the steps are in paying (core) or in the harness's own reads (quiet). */
  readonly #depth = { core: 0, quiet: 0 };

  /** Notes an operation a step invoked. */
  operation(operationId: string): void {
    if (this.#depth.quiet > 0) return;
    this.lastWasPaying = this.#depth.core > 0;
    this.#operations.push(this.#depth.core > 0 ? `${operationId} (paying: core)` : operationId);
    const capability = routeOf(operationId).capability;
    if (capability && this.#depth.core === 0) this.#needs.add(capability);
  }

  /** Notes a capability a step needs for another reason than an operation (an arranged policy). */
  need(capability: string): void {
    if (!(capabilityNames as readonly string[]).includes(capability))
      throw new Error(`unknown capability "${capability}" (spec/capabilities.ts)`);
    this.#needs.add(capability as Capability);
  }

  /** Whether the last operation noted was part of paying (the core). */
  lastWasPaying = false;

  /** Runs `work` as the core act of paying: its holds or one-step redemptions need no tag. */
  paying<T>(work: () => Promise<T>): Promise<T> {
    return this.#within('core', work);
  }

  /** Runs `work` as the harness's own reads (snapshots for "exactly as it was"): not noted. */
  quietly<T>(work: () => Promise<T>): Promise<T> {
    return this.#within('quiet', work);
  }

  async #within<T>(scope: 'core' | 'quiet', work: () => Promise<T>): Promise<T> {
    this.#depth[scope] += 1;
    try {
      return await work();
    } finally {
      this.#depth[scope] -= 1;
    }
  }

  /** What the step since the last call did; starts the next one. */
  take(step: string): StepTrace {
    const trace = { step, operations: this.#operations, needs: [...this.#needs].sort() };
    this.#operations = [];
    this.#needs = new Set();
    return trace;
  }
}
