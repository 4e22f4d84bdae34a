import type { DefectiveImplementation } from './defective-implementation.ts';
import { startWithFaults } from './start-with-faults.ts';

const faults = { replaysAs200: true };

/** A replayed answer (same Idempotency-Key, same request) comes back 200 instead of the first answer's 201. */
export const replaysAs200: DefectiveImplementation = {
  name: 'replays-as-200',
  defect:
    'an idempotent replay of a 201 answer comes back with status 200 (same body): a replay is another answer',
  faults,
  catches: [
    'RD-06',
    'CH-02',
    'CC-05',
    'features/idempotency',
    'features/channels',
    'features/concurrency',
    'checker:contract',
    'checker:idempotency',
  ],
  start: (options) => startWithFaults(faults, options),
};
