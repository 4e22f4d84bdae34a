import { renderCurl } from '../reproducers/render-curl.ts';
import { type ReplayTarget, renderAdapterReplay } from '../reproducers/render-replay.ts';
import { emptyTranscript } from '../reproducers/transcript.ts';
import type { PropertyOutcome } from './property-outcome.ts';

/** What a property's reproducer says first: the property, its seed and shrink path, and its error. */
function heading(outcome: PropertyOutcome): string[] {
  const path = outcome.path ? `, path ${outcome.path}` : '';
  return [
    `vcert properties ${outcome.property}: seed ${outcome.seed}${path}`,
    (outcome.error ?? '').split('\n')[0] ?? '',
  ];
}

/** The curl script that replays a property's counterexample against a canonical target. */
export function propertyCurl(outcome: PropertyOutcome): string {
  return renderCurl(outcome.transcript ?? emptyTranscript(), heading(outcome));
}

/** The adapter-level replay module of a property's counterexample. */
export function propertyReplay(outcome: PropertyOutcome, where: ReplayTarget): string {
  return renderAdapterReplay(outcome.transcript ?? emptyTranscript(), heading(outcome), where);
}
