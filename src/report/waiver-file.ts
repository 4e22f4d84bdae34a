import { readFile } from 'node:fs/promises';
import { type Static, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

const reason = Type.String({
  minLength: 3,
  description: 'why the failure is expected; shown in every report',
});
const common = {
  reason,
  /** A ticket, contract clause or e-mail that backs the waiver. */
  reference: Type.Optional(Type.String()),
};

/** One expected failure: every failing scenario of a requirement, or the scenarios of one name. */
export const WaiverSchema = Type.Union([
  Type.Object(
    { requirement: Type.String({ pattern: '^[A-Z]{2}-\\d{2}$' }), ...common },
    { additionalProperties: false },
  ),
  Type.Object({ scenario: Type.String({ minLength: 1 }), ...common }, { additionalProperties: false }),
]);
export type Waiver = Static<typeof WaiverSchema>;

export const WaiverFileSchema = Type.Object(
  {
    vendor: Type.String({ minLength: 1 }),
    waivers: Type.Array(WaiverSchema),
  },
  { additionalProperties: false },
);
export type WaiverFile = Static<typeof WaiverFileSchema>;

/** Checks a parsed waiver document; throws with every problem and its JSON pointer. */
export function parseWaivers(document: unknown, source = 'waivers'): WaiverFile {
  if (Value.Check(WaiverFileSchema, document)) return document;
  const problems = [...Value.Errors(WaiverFileSchema, document)]
    .slice(0, 10)
    .map((e) => `  ${e.path || '/'}: ${e.message}`);
  throw new Error(`${source} is not a valid waiver file (see docs/waivers.md):\n${problems.join('\n')}`);
}

/** Reads a JSON waiver file (see docs/waivers.md). */
export async function readWaiverFile(path: string): Promise<WaiverFile> {
  const text = await readFile(path, 'utf8');
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path} is not JSON: ${(error as Error).message}`);
  }
  return parseWaivers(document, path);
}
