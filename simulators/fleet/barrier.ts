/**
 * A start line: `wait()` blocks until `parties` callers have arrived (or `release()` is called), then
 * lets every one of them go in the same tick, so many terminals fire at the same instant.
 */
export interface Barrier {
  wait(): Promise<void>;
  release(): void;
  readonly arrived: number;
}

export function createBarrier(parties: number): Barrier {
  let arrived = 0;
  let open: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  return {
    get arrived() {
      return arrived;
    },
    wait() {
      arrived += 1;
      if (arrived >= parties) open();
      return gate;
    },
    release: () => open(),
  };
}
