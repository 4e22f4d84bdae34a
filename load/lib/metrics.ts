// The custom metrics every script shares; thresholds are set on them in options.ts.
import { Counter, Rate, Trend } from 'k6/metrics';

/** One sample per contract operation; its metadata carries what the audit turns into a history line. */
export const opMetric = new Trend('vcert_op', true);
/** Money taken beyond a voucher's funds, in minor units, as seen by the script itself: must stay 0. */
export const overspend = new Counter('overspend');
/** Answers outside the expected set: 5xx, transport errors, codes the flow never expects. */
export const unexpected = new Rate('unexpected_errors');
/** Refusals by error code (tag `code`), for thresholds on the rate of each code. */
export const refusals = new Counter('refusals');
/** The setup data, recorded once so that a segmented run and the audit can read it back. */
export const setupMetric = new Counter('vcert_setup');
