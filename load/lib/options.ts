// Options shared by every script: the scenarios, or a setup-only pass, and the thresholds gate.
import { env } from './env.ts';

type Scenarios = Record<string, Record<string, unknown>>;

/** Thresholds every flow must meet; a script adds its own. */
export const commonThresholds: Record<string, string[]> = {
  overspend: ['count==0'],
  unexpected_errors: ['rate<0.01'],
  'refusals{code:internal_error}': ['count==0'],
  'refusals{code:idempotency_key_reused}': ['count==0'],
  'refusals{code:unauthorized}': ['count==0'],
  'http_req_duration{op:createHold}': ['p(95)<1000', 'p(99)<2000'],
  'http_req_duration{op:captureHold}': ['p(95)<1000', 'p(99)<2000'],
};

export function buildOptions(scenarios: Scenarios, thresholds: Record<string, string[]> = {}) {
  return {
    scenarios: env.setupOnly
      ? { setupOnly: { executor: 'shared-iterations', vus: 1, iterations: 1, exec: 'setupOnly' } }
      : scenarios,
    thresholds: { ...commonThresholds, ...thresholds },
    setupTimeout: '120s',
    teardownTimeout: '120s',
    summaryTrendStats: ['avg', 'med', 'p(95)', 'p(99)', 'max', 'count'],
  };
}
