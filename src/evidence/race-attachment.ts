import type { Report } from '../checkers/compose.ts';
import type { FinalLedger } from '../history/final-ledger.ts';
import type { History } from '../history/operation.ts';

/** The media type of a race a scenario ran: its history, final ledgers and the checkers' report. */
export const raceMediaType = 'application/vnd.vcert.race+json';

/** What a race scenario attaches, for the certification page to chart. */
export interface RaceRecord {
  history: History;
  ledgers: FinalLedger[];
  report: Report;
}

export function raceAttachment(record: RaceRecord): string {
  return JSON.stringify(record);
}

/** A race attachment read back; null when it is not one (a stream of another version). */
export function readRaceAttachment(body: string): RaceRecord | null {
  try {
    const value = JSON.parse(body) as Partial<RaceRecord>;
    if (!value?.history?.ops || !Array.isArray(value.ledgers) || !Array.isArray(value.report?.verdicts))
      return null;
    return value as RaceRecord;
  } catch {
    return null;
  }
}
