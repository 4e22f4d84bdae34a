// Run settings read from the environment: the target, bounds, funds, and the segment label.
declare const __ENV: Record<string, string | undefined>;

// Any http(s) base URL: a vendor's staging service is rarely on loopback (this project's own tests are).
const target = (__ENV.TARGET ?? 'http://127.0.0.1:8080').replace(/\/+$/, '');
if (!/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/.test(target))
  throw new Error(`TARGET must be an http(s) base URL, e.g. https://staging.example.com/api, got ${target}`);

/** Settings of one run; every script takes short smoke-run defaults. */
export const env = {
  target,
  /** How long time-bound scenarios run, e.g. "3s", "2m". */
  duration: __ENV.DURATION ?? '3s',
  /** How many virtual POS terminals the contention scenarios start. */
  vus: Number(__ENV.VUS ?? 8),
  /** Iterations for iteration-bound scenarios. */
  iterations: Number(__ENV.ITERATIONS ?? 40),
  /** Arrival rate (iterations per second) of the constant-arrival-rate scenarios. */
  rate: Number(__ENV.RATE ?? 20),
  /** Which k6 process this is when a run is split into execution segments (keeps client names unique). */
  segment: __ENV.VCERT_SEGMENT ?? 's0',
  /** Only run setup() and record its data (first pass of a segmented run). */
  setupOnly: __ENV.VCERT_SETUP_ONLY === '1',
  /** A file holding setup data recorded by a setup-only pass, shared by every segment. */
  setupFile: __ENV.VCERT_SETUP_FILE ?? '',
  /**
   * The same setup data itself (JSON), for a k6 archive: open() reads only files bundled into it, so
   * k6-operator's runners get it from a ConfigMap as an environment variable instead.
   */
  setupData: __ENV.VCERT_SETUP_DATA ?? '',
  /** Where handleSummary writes k6-summary-<segment>.json and k6-junit-<segment>.xml; none when empty. */
  summaryDir: (__ENV.VCERT_SUMMARY_DIR ?? '').replace(/\/+$/, ''),
  /** Funds of each voucher in minor units, instead of what the script sizes from its plan. */
  funds: __ENV.FUNDS ? Number(__ENV.FUNDS) : null,
  /** The vendor's keys ({pos, webshop, backoffice} as JSON) for a target without test control. */
  apiKeys: __ENV.VCERT_API_KEYS ? (JSON.parse(__ENV.VCERT_API_KEYS) as Record<string, string>) : null,
};
