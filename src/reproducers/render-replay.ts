import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Flight, flights } from './flight-groups.ts';
import type { Bind, Transcript, TranscriptStep } from './transcript.ts';

/** Where the replay goes: the target URL and the adapter module the run used. */
export interface ReplayTarget {
  target: string;
  adapter: string;
}

const createDriver = fileURLToPath(new URL('../driver/create-driver.ts', import.meta.url));

/** `.vouchers[0].id` → ['vouchers', 0, 'id']: the simple jq paths the runs bind. */
export function jqPath(jq: string): Array<string | number> {
  return [...jq.matchAll(/\.(\w+)|\[(\d+)\]/g)].map((m) =>
    m[2] === undefined ? (m[1] as string) : Number(m[2]),
  );
}

const binds = (list: readonly Bind[]) => JSON.stringify(list.map((b) => [b.value, jqPath(b.jq)]));

function authOf(step: Extract<TranscriptStep, { kind: 'call' }>): unknown {
  if (step.auth === 'none') return 'none';
  if (step.auth === 'wrong-key' || step.auth.startsWith('other-tenant'))
    return { key: 'vk_pos_not-a-real-key' };
  return { role: step.auth };
}

/** The statements of one step: a comment with what the run saw, then the call (an expression when together). */
function stepLines(step: TranscriptStep, n: number, keys: Map<string, string>, together = false): string[] {
  if (step.kind === 'arrange') {
    const saw = step.error ?? JSON.stringify(step.result);
    return [
      `  // ${n}. arrange ${step.state}: in the run ${saw}`,
      `  learn(await arrange(${n}, ${JSON.stringify(step.state)}, ${JSON.stringify(step.params)}), ${binds(step.binds)});`,
    ];
  }
  const seen = step.status === null ? 'no answer' : `${step.status}${step.code ? ` ${step.code}` : ''}`;
  const expected = step.expected ? `; the model expects ${step.expected}` : '';
  let label: string | undefined;
  if (step.idempotencyKey !== undefined) {
    label = keys.get(step.idempotencyKey) ?? `k${keys.size + 1}`;
    keys.set(step.idempotencyKey, label);
  }
  const operation = {
    operationId: step.operationId,
    auth: authOf(step),
    ...(step.params ? { params: step.params } : {}),
    ...(step.query ? { query: step.query } : {}),
    ...(step.rawBody !== undefined
      ? { rawBody: step.rawBody }
      : step.body !== undefined
        ? { body: step.body }
        : {}),
  };
  const call = `invoke(${n}, ${JSON.stringify(operation)}, ${JSON.stringify(label ?? null)})`;
  if (together)
    return [
      `    // ${n}. ${step.operationId}: in the run ${seen}${expected}`,
      `    ${call}.then((answer) => learn(answer, ${binds(step.binds)})),`,
    ];
  return [
    `  // ${n}. ${step.operationId}: in the run ${seen}${expected}`,
    `  learn(await ${call}, ${binds(step.binds)});`,
  ];
}

/** A flight of steps: in order, or those that were in flight together sent together. */
function flightLines(flight: Flight, keys: Map<string, string>): string[] {
  if (!flight.together) return flight.steps.flatMap(({ n, step }) => stepLines(step, n, keys));
  const first = flight.steps[0]?.n;
  const last = flight.steps.at(-1)?.n;
  return [
    `  // ${first}-${last}: in flight at the same time in the run, so sent together`,
    '  await Promise.all([',
    ...flight.steps.flatMap(({ n, step }) => stepLines(step, n, keys, true)),
    '  ]);',
  ];
}

/**
 * The counterexample as a small module at the adapter level: it opens the same adapter through the
 * driver seam (openDriver from src/driver/create-driver.ts), sets up, arranges the provider states the
 * run arranged and invokes the run's operations in order, printing each answer, with the ids of earlier
 * answers in place of the run's and the run's Idempotency-Keys (a retry reuses its key). Nothing of the
 * property machinery: a vendor's engineer reproduces with `node FILE`.
 */
export function renderAdapterReplay(
  transcript: Transcript,
  heading: readonly string[],
  where: ReplayTarget,
): string {
  const adapter = isAbsolute(where.adapter) ? where.adapter : resolve(where.adapter);
  const keys = new Map<string, string>();
  const steps = flights(transcript.steps).flatMap((flight) => flightLines(flight, keys));
  return [
    ...heading.map((line) => `// ${line}`),
    '// Replays the counterexample through the adapter: the driver seam, the provider states arranged by the',
    '// adapter, then each operation in order; prints every answer. Run it with Node 24: node THIS_FILE',
    '// (TARGET, POS_KEY, WEBSHOP_KEY and OFFICE_KEY are read from the environment when set).',
    `import { openDriver } from ${JSON.stringify(createDriver)};`,
    '',
    `const target = process.env.TARGET ?? ${JSON.stringify(where.target)};`,
    'const given = { pos: process.env.POS_KEY, webshop: process.env.WEBSHOP_KEY, backoffice: process.env.OFFICE_KEY };',
    'const apiKeys = Object.fromEntries(Object.entries(given).filter(([, key]) => key));',
    "/** This replay's own suffix for Idempotency-Keys: the same label is the same key, as in the run. */",
    'const run = Date.now().toString(36);',
    '/** Ids the run learnt (its values) → the ids this replay learnt in their place. */',
    'const learnt = new Map();',
    ...(transcript.suffix
      ? [
          `// the run's own suffix in codes and receipt numbers: this replay's instead`,
          `learnt.set(${JSON.stringify(transcript.suffix)}, run);`,
        ]
      : []),
    'const swap = (value) =>',
    "  typeof value === 'string'",
    '    ? [...learnt].reduce((text, [was, now]) => text.replaceAll(was, now), value)',
    '    : Array.isArray(value)',
    '      ? value.map(swap)',
    "      : value && typeof value === 'object'",
    '        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, swap(v)]))',
    '        : value;',
    "const read = (value, path) => path.reduce((v, k) => (v && typeof v === 'object' ? v[k] : undefined), value);",
    'const learn = (answer, binds) => {',
    '  for (const [was, path] of binds) {',
    '    const now = read(answer, path);',
    "    if (typeof now === 'string') learnt.set(was, now);",
    '  }',
    '};',
    '',
    `const driver = await openDriver({ target, adapter: ${JSON.stringify(adapter)}, apiKeys });`,
    'const arrange = async (n, state, params) => {',
    '  try {',
    '    const arranged = await driver.arrange(state, swap(params));',
    "    console.log(n + '. arrange ' + state + ': ' + JSON.stringify(arranged));",
    '    return arranged;',
    '  } catch (error) {',
    "    console.log(n + '. arrange ' + state + ': ' + error.name + ': ' + error.message);",
    '    throw error;',
    '  }',
    '};',
    'const invoke = async (n, operation, key) => {',
    "  const sent = { ...swap(operation), ...(key ? { idempotencyKey: key + '-' + run } : {}) };",
    '  const answer = await driver.invoke(sent);',
    "  const told = answer.completion === 'ok' ? answer.body : answer.completion === 'fail' ? answer.problem : answer.error;",
    "  const status = answer.completion === 'info' ? 'no answer' : answer.status;",
    "  const outside = answer.violations?.length ? ' (outside the contract: ' + JSON.stringify(answer.violations) + ')' : '';",
    "  console.log(n + '. ' + operation.operationId + ': ' + answer.completion + ' ' + status + ' ' + JSON.stringify(told) + outside);",
    "  return answer.completion === 'ok' ? answer.body : undefined;",
    '};',
    'try {',
    '  await driver.setup();',
    ...steps,
    '} finally {',
    '  await driver.close();',
    '}',
    '',
  ].join('\n');
}
