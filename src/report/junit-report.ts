import { XMLBuilder } from 'fast-xml-parser';
import type { ScenarioEvidence } from '../evidence/scenario-evidence.ts';
import type { CertificationSummary, ScenarioSummary } from './certification-summary.ts';

/** Characters XML 1.0 cannot carry at all (control characters other than tab and newlines). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters to remove.
const unwritable = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const clean = (text: string) => text.replace(unwritable, '');

/** Why a scenario that is not a failure was not a pass either: the reason JUnit's <skipped> carries. */
function skippedReason(scenario: ScenarioSummary, claimed: ReadonlySet<string>): string | undefined {
  switch (scenario.status) {
    case 'waived':
      return `waived: ${scenario.waiver?.reason ?? 'no reason given'}${scenario.message ? ` (the failure it excuses: ${scenario.message.split('\n')[0]})` : ''}`;
    case 'not-claimed': {
      const missing = scenario.capabilities.filter((c) => !claimed.has(c));
      return missing.length
        ? `not claimed: the target does not claim ${missing.join(', ')}`
        : `not claimed: ${scenario.message ?? 'the target cannot be brought to its state'}`;
    }
    case 'not-run':
      return scenario.message ?? 'not run';
    default:
      return undefined;
  }
}

/** What a person reads under a test case: its evidence (exchanges, reproducer), or a note. */
function output(scenario: ScenarioSummary, evidence: ScenarioEvidence | undefined): string | undefined {
  const texts = (evidence?.attachments ?? [])
    .filter((a) => a.mediaType.startsWith('text/'))
    .map((a) => `--- ${a.fileName ?? a.mediaType} ---\n${a.body}`);
  if (scenario.status === 'emulated')
    texts.unshift('emulated: it passed through behaviour the vendor adapter provides, not the system itself');
  if (evidence?.failingStep) texts.unshift(`failing step: ${evidence.failingStep}`);
  return texts.length ? clean(texts.join('\n\n')) : undefined;
}

function testCase(
  scenario: ScenarioSummary,
  claimed: ReadonlySet<string>,
  evidence: ScenarioEvidence | undefined,
): Record<string, unknown> {
  const element: Record<string, unknown> = {
    '@_classname': scenario.uri,
    '@_name': `${scenario.name} (${scenario.key})`,
    '@_time': ((scenario.durationMs ?? 0) / 1000).toFixed(3),
  };
  if (scenario.status === 'failed' || scenario.status === 'undecided') {
    const message = clean(scenario.message ?? scenario.status);
    element.failure = {
      '@_type': scenario.status === 'failed' ? 'failed' : 'undecided',
      '@_message': message.split('\n')[0],
      '#text': message,
    };
  }
  const reason = skippedReason(scenario, claimed);
  if (reason !== undefined) element.skipped = { '@_message': clean(reason) };
  const out = output(scenario, evidence);
  if (out) element['system-out'] = out;
  return element;
}

/**
 * The run as JUnit XML that agrees with the certification: failed and undecided scenarios are failures
 * (with their message, and their exchanges and reproducer under system-out); waived, not claimed and
 * not run are skipped with their reason; passed and emulated pass. Written with fast-xml-parser's builder.
 */
export function junitReport(
  summary: CertificationSummary,
  evidence: ReadonlyMap<string, ScenarioEvidence>,
): string {
  const claimed = new Set(summary.capabilities.claimed);
  const cases = summary.scenarios.map((s) => testCase(s, claimed, evidence.get(s.key)));
  const count = (...statuses: string[]) =>
    summary.scenarios.filter((s) => statuses.includes(s.status)).length;
  const document = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    testsuite: {
      '@_name': `vcert ${summary.target.url}`,
      '@_tests': summary.scenarios.length,
      '@_failures': count('failed', 'undecided'),
      '@_skipped': count('waived', 'not-claimed', 'not-run'),
      '@_errors': summary.verdict.exitCode === 2 ? 1 : 0,
      '@_time': ((summary.run.durationMs ?? 0) / 1000).toFixed(3),
      ...(summary.run.startedAt ? { '@_timestamp': summary.run.startedAt } : {}),
      properties: {
        property: [
          { '@_name': 'verdict', '@_value': summary.verdict.passed ? 'PASS' : 'FAIL' },
          { '@_name': 'reasons', '@_value': clean(summary.verdict.reasons.join('; ')) },
          { '@_name': 'suite.featuresSha256', '@_value': summary.suite.featuresSha256 },
          { '@_name': 'target', '@_value': summary.target.url },
          { '@_name': 'adapter', '@_value': summary.target.adapter ?? '' },
        ],
      },
      testcase: cases,
    },
  };
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    format: true,
    suppressEmptyNode: true,
    processEntities: true,
  });
  return builder.build(document);
}
