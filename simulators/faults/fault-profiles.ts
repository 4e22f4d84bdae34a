/** The network faults the proxy can inject into one request. */
export const faultNames = [
  'delay',
  'dropRequest',
  'dropResponse',
  'duplicate',
  'reset',
  'unavailable',
] as const;
export type FaultName = (typeof faultNames)[number];

/** Probability of each fault per request (the rest pass untouched); they must add up to at most 1. */
export type FaultRates = Partial<Record<FaultName, number>>;

/** From `fromMs` to `toMs` after the proxy started, these rates apply instead of the base ones. */
export interface FaultPeriod {
  fromMs: number;
  toMs: number;
  rates: FaultRates;
}

export interface FaultProfile {
  rates: FaultRates;
  timeline?: FaultPeriod[];
}

const chaos: FaultRates = {
  delay: 0.1,
  dropRequest: 0.04,
  dropResponse: 0.06,
  duplicate: 0.06,
  reset: 0.03,
  unavailable: 0.04,
};

/** Named profiles for `vcert race --faults` and the scenarios. */
export const faultProfiles = {
  none: { rates: {} },
  delay: { rates: { delay: 0.3 } },
  'lost-answers': { rates: { dropResponse: 0.1, dropRequest: 0.05 } },
  duplicates: { rates: { duplicate: 0.25 } },
  resets: { rates: { reset: 0.1 } },
  unavailable: { rates: { unavailable: 0.15 } },
  chaos: { rates: chaos },
  /** Quiet, then a storm of every fault, then quiet again. */
  storm: {
    rates: {},
    timeline: [
      { fromMs: 300, toMs: 900, rates: chaos },
      { fromMs: 1500, toMs: 2100, rates: { dropResponse: 0.3, unavailable: 0.2 } },
    ],
  },
} satisfies Record<string, FaultProfile>;
export type FaultProfileName = keyof typeof faultProfiles;

export function faultProfile(name: string): FaultProfile {
  const profile = (faultProfiles as Record<string, FaultProfile>)[name];
  if (!profile) throw new Error(`unknown fault profile "${name}" (${Object.keys(faultProfiles).join(', ')})`);
  return profile;
}

/** The rates in force `elapsedMs` after the start: the first period that covers it, else the base rates. */
export function ratesAt(profile: FaultProfile, elapsedMs: number): FaultRates {
  const period = profile.timeline?.find((p) => elapsedMs >= p.fromMs && elapsedMs < p.toMs);
  return period ? period.rates : profile.rates;
}
