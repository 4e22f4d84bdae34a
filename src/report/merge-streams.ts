import type { Envelope } from './envelope.ts';

type Pickle = NonNullable<Envelope['pickle']>;
type StepDefinition = NonNullable<Envelope['stepDefinition']>;
type Hook = NonNullable<Envelope['hook']>;
type TestCase = NonNullable<Envelope['testCase']>;

/** What the suite is made of; the first shard's copy is kept and every shard's ids are mapped onto it. */
const staticKinds = [
  'meta',
  'source',
  'gherkinDocument',
  'pickle',
  'stepDefinition',
  'parameterType',
  'hook',
  'undefinedParameterType',
] as const;

const pickleKey = (p: Pickle) => `${p.uri}:${p.location?.line ?? 0}:${p.name}`;
const place = (ref: StepDefinition['sourceReference']) => `${ref.uri ?? ''}:${ref.location?.line ?? 0}`;
const definitionKey = (d: StepDefinition) => `${place(d.sourceReference)}:${d.pattern.source}`;
const hookKey = (h: Hook) =>
  `${place(h.sourceReference)}:${(h as { type?: string }).type ?? ''}:${h.tagExpression ?? ''}`;

/** Ids of one shard's suite mapped to the first shard's. */
interface IdMap {
  pickles: Map<string, string>;
  pickleSteps: Map<string, string>;
  definitions: Map<string, string>;
  hooks: Map<string, string>;
  testRunStarted?: string;
}

function isStatic(envelope: Envelope): boolean {
  return staticKinds.some((kind) => envelope[kind] !== undefined);
}

/** The first shard's suite, by key: pickles, step definitions and hooks. */
function suiteIndex(envelopes: readonly Envelope[]) {
  const pickles = new Map<string, Pickle>();
  const definitions = new Map<string, string>();
  const hooks = new Map<string, string>();
  for (const e of envelopes) {
    if (e.pickle) pickles.set(pickleKey(e.pickle), e.pickle);
    if (e.stepDefinition) definitions.set(definitionKey(e.stepDefinition), e.stepDefinition.id);
    if (e.hook) hooks.set(hookKey(e.hook), e.hook.id);
  }
  return { pickles, definitions, hooks };
}

function idMap(shard: readonly Envelope[], base: ReturnType<typeof suiteIndex>): IdMap {
  const map: IdMap = { pickles: new Map(), pickleSteps: new Map(), definitions: new Map(), hooks: new Map() };
  for (const e of shard) {
    if (e.pickle) {
      const same = base.pickles.get(pickleKey(e.pickle));
      if (!same) continue;
      map.pickles.set(e.pickle.id, same.id);
      e.pickle.steps.forEach((step, i) => {
        const target = same.steps[i];
        if (target) map.pickleSteps.set(step.id, target.id);
      });
    } else if (e.stepDefinition) {
      const id = base.definitions.get(definitionKey(e.stepDefinition));
      if (id) map.definitions.set(e.stepDefinition.id, id);
    } else if (e.hook) {
      const id = base.hooks.get(hookKey(e.hook));
      if (id) map.hooks.set(e.hook.id, id);
    } else if (e.testRunStarted) {
      map.testRunStarted = e.testRunStarted.id;
    }
  }
  return map;
}

const mapped = (map: Map<string, string>, id: string | undefined) =>
  id === undefined ? undefined : (map.get(id) ?? id);

function remapTestCase(testCase: TestCase, map: IdMap, runId: string | undefined): TestCase {
  return {
    ...testCase,
    ...(runId && testCase.testRunStartedId ? { testRunStartedId: runId } : {}),
    pickleId: mapped(map.pickles, testCase.pickleId) ?? testCase.pickleId,
    testSteps: testCase.testSteps.map((step) => ({
      ...step,
      ...(step.pickleStepId ? { pickleStepId: mapped(map.pickleSteps, step.pickleStepId) } : {}),
      ...(step.hookId ? { hookId: mapped(map.hooks, step.hookId) } : {}),
      ...(step.stepDefinitionIds
        ? { stepDefinitionIds: step.stepDefinitionIds.map((id) => map.definitions.get(id) ?? id) }
        : {}),
    })),
  };
}

/**
 * One message stream from the streams of several shards of one suite, as if one run had run them all:
 * the first shard's suite (sources, pickles, step definitions, hooks) once, each shard's test cases with
 * their ids mapped onto it, one start and one end of the run. What a shard has that the first has not
 * (a definition of another version) is kept as it is.
 */
export function mergeStreams(shards: readonly (readonly Envelope[])[]): Envelope[] {
  const [first = []] = shards;
  const base = suiteIndex(first);
  const starts = shards.flatMap((s) => s.flatMap((e) => (e.testRunStarted ? [e.testRunStarted] : [])));
  const ends = shards.flatMap((s) => s.flatMap((e) => (e.testRunFinished ? [e.testRunFinished] : [])));
  const start = [...starts].sort((a, b) => a.timestamp.seconds - b.timestamp.seconds)[0];
  const out: Envelope[] = first.filter(isStatic);
  shards.slice(1).forEach((shard) => {
    const map = idMap(shard, base);
    for (const e of shard) {
      if (e.stepDefinition && !map.definitions.has(e.stepDefinition.id)) out.push(e);
      if (e.hook && !map.hooks.has(e.hook.id)) out.push(e);
    }
  });
  if (start) out.push({ testRunStarted: start } as Envelope);
  shards.forEach((shard, index) => {
    const map = index === 0 ? undefined : idMap(shard, base);
    for (const e of shard) {
      if (isStatic(e) || e.testRunStarted || e.testRunFinished) continue;
      if (e.testCase && map) out.push({ testCase: remapTestCase(e.testCase, map, start?.id) } as Envelope);
      else if (e.testRunHookStarted && map) {
        const h = e.testRunHookStarted;
        out.push({
          testRunHookStarted: { ...h, hookId: mapped(map.hooks, h.hookId) ?? h.hookId },
        } as Envelope);
      } else out.push(e);
    }
  });
  if (ends.length > 0 && ends[0]) {
    const [last] = [...ends].sort((a, b) => b.timestamp.seconds - a.timestamp.seconds);
    out.push({
      testRunFinished: {
        ...last,
        success: ends.length === shards.length && ends.every((e) => e.success),
        ...(start ? { testRunStartedId: start.id } : {}),
      },
    } as Envelope);
  }
  return out;
}
