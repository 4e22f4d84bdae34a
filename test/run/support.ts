import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SummaryContext } from '../../src/report/certification-summary.ts';
import type { Envelope } from '../../src/report/envelope.ts';
import { MessageCollector } from '../../src/report/message-collector.ts';
import type { RunOptions } from '../../src/run/run-conformance.ts';
import { scratchDir } from './scratch-dir.ts';

export const fixtureSuite = fileURLToPath(new URL('./fixtures/suite/', import.meta.url));

/** Options that run the fixture suite (no system touched) with a capability manifest. */
export function fixtureOptions(extra: RunOptions = {}): RunOptions {
  return {
    root: fixtureSuite,
    paths: ['features/**/*.feature'],
    import: ['steps/**/*.ts'],
    target: 'http://127.0.0.1:9',
    capabilities: join(fixtureSuite, 'manifest.json'),
    reports: scratchDir('vcert-reports'),
    ...extra,
  };
}

/** The envelopes of a recorded run of the fixture suite (reports/cucumber.ndjson of that run). */
export function recordedEnvelopes(name = 'outcomes'): Envelope[] {
  const text = readFileSync(new URL(`./fixtures/messages/${name}.ndjson`, import.meta.url), 'utf8');
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Envelope);
}

export function collect(envelopes: readonly Envelope[]): MessageCollector {
  const collector = new MessageCollector();
  for (const e of envelopes) collector.update(e);
  return collector;
}

/** The context of the recorded run: claimed capabilities as in the fixture manifest. */
export function fixtureContext(overrides: Partial<SummaryContext> = {}): SummaryContext {
  return {
    suite: { name: 'vcert-fixture-suite', version: '0.0.1', featuresSha256: '0'.repeat(64) },
    target: { url: 'http://127.0.0.1:9', implementation: 'external', adapter: null },
    capabilities: { claimed: ['balance-guard', 'holds', 'some-future-capability'], source: 'manifest' },
    selection: { tags: null, shard: null, parallel: 0, failFast: false },
    waivers: { file: null, content: null },
    errors: [],
    interrupted: false,
    ...overrides,
  };
}
