import type { TranscriptStep } from '../reproducers/transcript.ts';

/** Fields of an answer that hold something a later request may name: ids, numbers, carrier codes. */
const idField = /^(id|\w+Id|number|barcode|magstripe|qr)$/;

const tenantKeyNames: Record<string, string> = {
  pos: 'OTHER_POS_KEY',
  webshop: 'OTHER_WEBSHOP_KEY',
  backoffice: 'OTHER_OFFICE_KEY',
};

interface Candidate {
  value: string;
  jq: string;
  /** The name's stem: what the value is (VOUCHER, HOLD, VOUCHER_TYPE …). */
  stem: string;
}

const snake = (text: string) =>
  text
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();

/** What an operation makes, from its name: createVoucherType → VOUCHER_TYPE, createHold → HOLD. */
function nounOf(operationId: string): string {
  const rest = operationId.replace(/^[a-z]+(?=[A-Z])/, '');
  return snake(rest === operationId ? operationId : rest);
}

function stemOf(path: Array<string | number>, operationId: string): string {
  const key = String(path.at(-1));
  if (key !== 'id') return snake(key.replace(/Id$/, ''));
  const parent = [...path].reverse().find((p, i) => i > 0 && typeof p === 'string');
  return parent ? snake(String(parent).replace(/s$/, '')) : nounOf(operationId);
}

/** The string fields of an answer worth binding, with the jq path that reads each. */
function candidatesOf(answer: unknown, operationId: string): Candidate[] {
  const out: Candidate[] = [];
  const walk = (value: unknown, path: Array<string | number>, depth: number): void => {
    if (depth > 4 || value === null || typeof value !== 'object') return;
    const items = Array.isArray(value)
      ? value.slice(0, 100).map((v, i) => [i, v] as const)
      : Object.entries(value);
    for (const [key, item] of items) {
      const at = [...path, key];
      if (typeof item === 'string' && typeof key === 'string' && idField.test(key) && item.length >= 6)
        out.push({
          value: item,
          jq: at.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join(''),
          stem: stemOf(at, operationId),
        });
      else walk(item, at, depth + 1);
    }
  };
  walk(answer, [], 0);
  return out;
}

/** What a step sends that could name an earlier answer's value. */
function sentText(step: TranscriptStep): string {
  if (step.kind === 'arrange') return JSON.stringify(step.params ?? null);
  return [
    JSON.stringify(step.params ?? null),
    JSON.stringify(step.query ?? null),
    step.rawBody ?? JSON.stringify(step.body ?? null),
  ].join(' ');
}

/**
 * Binds each value that a later step sends (an id in its path, a voucher number in its body) to the
 * earlier answer that gave it, by the jq path that reads it there, so the reproducers send the ids their
 * own run got. A test tenant's keys are bound always (a request of the other tenant carries them). The
 * run's suffix is never bound: the reproducers replace it by their own.
 */
export function discoverBinds(steps: TranscriptStep[], answers: readonly unknown[], suffix?: string): void {
  const known = new Map<string, { step: TranscriptStep; candidate: Candidate }>();
  const bound = new Set<string>();
  const counts = new Map<string, number>();
  // Requests sent together learn from each other only once all of them are back: what one of them gives
  // becomes known after its flight.
  let flight: number | undefined;
  let pending: Array<[string, { step: TranscriptStep; candidate: Candidate }]> = [];
  const land = () => {
    for (const [value, source] of pending) if (!known.has(value)) known.set(value, source);
    pending = [];
  };
  steps.forEach((step, i) => {
    const together = step.kind === 'call' ? step.together : undefined;
    if (together === undefined || together !== flight) land();
    flight = together;
    const text = sentText(step);
    for (const [value, { step: source, candidate }] of known) {
      if (bound.has(value) || !text.includes(value)) continue;
      const n = (counts.get(candidate.stem) ?? 0) + 1;
      counts.set(candidate.stem, n);
      source.binds.push({ name: `${candidate.stem}_${n}`, jq: candidate.jq, value });
      bound.add(value);
    }
    const answer = answers[i];
    if (step.kind === 'call' && step.operationId === 'createTestTenant') {
      const keys = (answer as { keys?: Record<string, unknown> } | undefined)?.keys ?? {};
      for (const [role, name] of Object.entries(tenantKeyNames)) {
        const key = keys[role];
        if (typeof key === 'string') step.binds.push({ name, jq: `.keys.${role}`, value: key });
      }
      return;
    }
    const operationId = step.kind === 'call' ? step.operationId : step.state.replace(/ /g, '-');
    for (const candidate of candidatesOf(answer, operationId)) {
      if (suffix && candidate.value.includes(suffix)) continue;
      pending.push([candidate.value, { step, candidate }]);
    }
  });
}
