import type { Pickle } from '@cucumber/messages';
import { transcriptOf } from '../../src/evidence/evidence-transcript.ts';
import { renderExchanges } from '../../src/evidence/render-exchanges.ts';
import { renderCurl } from '../../src/reproducers/render-curl.ts';
import { renderAdapterReplay } from '../../src/reproducers/render-replay.ts';
import type { VoucherWorld } from './world.ts';

/** The media types of a failing step's evidence in the message stream (the certification page reads them). */
export const evidenceMediaTypes = {
  exchanges: 'application/vnd.vcert.exchanges+json',
  curl: 'text/x-sh',
  replay: 'text/javascript',
} as const;

/**
 * Attaches a failing step's evidence: its exchanges with the target (as JSON, and as text a person reads
 * in the HTML report and the JUnit output), and a reproducer of the scenario up to this step: a curl
 * script for the canonical driver, a replay module through the adapter for a vendor adapter.
 */
export function attachEvidence(world: VoucherWorld, pickle: Pickle, stepText: string): void {
  const steps = world.evidence.evidenceSteps();
  const text = steps.map(
    (s) => `Step ${s.step}: ${s.text}\n\n${renderExchanges(s.exchanges).replace(/^/gm, '  ')}`,
  );
  world.attach(`Exchanges with the target:\n\n${text.join('\n\n')}`, {
    mediaType: 'text/plain',
    fileName: 'exchanges.txt',
  });
  world.attach(JSON.stringify({ failingStep: stepText, steps }), {
    mediaType: evidenceMediaTypes.exchanges,
    fileName: 'exchanges.json',
  });
  const driver = world.rawDriver.name;
  const transcript = transcriptOf(world.evidence.entries, {
    driver,
    isolated: world.session.isolated,
    suffix: world.suffix,
    upToStep: world.evidence.step,
  });
  const heading = [
    `Reproduces the scenario "${pickle.name}" (${pickle.uri}) up to its failing step:`,
    `  ${stepText}`,
    `The run was against ${world.parameters.target}${world.parameters.adapter ? ` through ${world.parameters.adapter}` : ''}.`,
  ];
  if (driver === 'http')
    world.attach(renderCurl(transcript, heading), {
      mediaType: evidenceMediaTypes.curl,
      fileName: 'reproduce.sh',
    });
  else if (world.parameters.adapter)
    world.attach(
      renderAdapterReplay(transcript, heading, {
        target: world.parameters.target,
        adapter: world.parameters.adapter,
      }),
      { mediaType: evidenceMediaTypes.replay, fileName: 'reproduce.mjs' },
    );
}
