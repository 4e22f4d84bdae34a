import fc from 'fast-check';
import type { Capability } from '../../../spec/capabilities.ts';
import { routes } from '../../../spec/routes/index.ts';
import { isOk } from '../../driver/completion.ts';
import { openDriver } from '../../driver/create-driver.ts';
import type { OperationId } from '../../driver/operation.ts';
import {
  headerCases,
  type SocketCase,
  serviceRequests,
  socketCases,
  unknownPathCases,
} from './fuzz-cases.ts';
import { hostileCases, type MalformedCase } from './hostile-request.ts';
import { malformedCase } from './malformed-request.ts';
import { negativeFixture, type ValidRequest } from './negative-fixture.ts';
import { problemFaults } from './problem-verdict.ts';
import { sendRaw } from './raw-request.ts';
import { type SocketAnswer, sendBytes } from './raw-socket.ts';

export interface FuzzOptions {
  target: string;
  runs: number;
  seed: number;
  timeoutMs?: number;
  /**
   * More state to compare before and after each request, given the fixture tenant's id (the bench and
   * the API test checksum the database's tables).
   */
  extraState?: (tenantId: string | null) => Promise<string>;
  /** Read the tenant through the contract after every `readEvery`-th request and after the last (default 1). */
  readEvery?: number;
  /** Sees every answer (the bench counts the reference implementation's refusals at its database). */
  onAnswer?: (answer: { status: number; body: unknown }, what: string) => void;
}

/** What a fuzz run saw: every figure but `requests` and `routes` should be 0. */
export interface FuzzFigures {
  requests: number;
  routes: { covered: number; of: number };
  /** 5xx answers. */
  serverErrors: number;
  /** 4xx answers that are not problem+json with a catalog code at its status. */
  notProblem: number;
  /** 1xx to 3xx answers: a malformed request taken as a valid one. */
  accepted: number;
  /** No status line before the connection closed or the time ran out. */
  noAnswer: number;
  /** Requests after which the tenant's state (or the extra state) read differently. */
  stateChanges: number;
  byStatus: Record<string, number>;
  /** The first few findings of each kind, one line each, to reproduce. */
  findings: string[];
}

type Drawn = { http: MalformedCase; unknownPath?: boolean } | { socket: SocketCase };

/**
 * A contract fuzz: malformed requests drawn with fast-check for every route (the negative-data
 * property's bodies, issue 15's hostile paths, queries and methods, bad headers, unknown paths, and
 * bytes Node's parser refuses), sent one by one to a target with test control. Each answer is judged
 * (a 4xx problem+json with a catalog code), and the fixture tenant's vouchers, ledgers, hold, payment,
 * template, tender configuration, voucher list and clock are read after every request (or every
 * `readEvery`-th, with `extraState` read after each).
 */
export async function fuzzContract(options: FuzzOptions): Promise<FuzzFigures> {
  const { target, timeoutMs = 10_000 } = options;
  const driver = await openDriver({ target });
  try {
    const claimed = new Set<Capability>(await driver.capabilities());
    const fixture = await negativeFixture(driver);
    const keys = fixture.session.session.keys;
    const extras = Object.entries(serviceRequests).filter(
      ([id]) =>
        claimed.has('test-control') || !routes.some((r) => r.operationId === id && r.tag === 'test-control'),
    ) as Array<[OperationId, { reads: boolean; valid: ValidRequest }]>;
    const writes: Array<[OperationId, ValidRequest]> = [
      ...(Object.entries(fixture.valid) as Array<[OperationId, ValidRequest]>),
      ...extras.filter(([, e]) => !e.reads).map(([id, e]) => [id, e.valid] as [OperationId, ValidRequest]),
    ];
    const readRequests: Array<[OperationId, ValidRequest]> = [
      ...(Object.entries(fixture.reads) as Array<[OperationId, ValidRequest]>),
      ...extras.filter(([, e]) => e.reads).map(([id, e]) => [id, e.valid] as [OperationId, ValidRequest]),
    ];
    const http = (a: fc.Arbitrary<MalformedCase>): fc.Arbitrary<Drawn> => a.map((c) => ({ http: c }));
    const pay = fixture.valid.redeem ?? fixture.valid.createHold;
    const active = fixture.known.vouchers[0] as string;
    const drawn: Array<fc.WeightedArbitrary<Drawn>> = [
      { weight: 5, arbitrary: fc.oneof(...writes.map(([id, v]) => http(malformedCase(id, v, keys)))) },
      {
        weight: 3,
        arbitrary: fc.oneof(...readRequests.flatMap(([id, v]) => hostileCases(id, v, keys).map(http))),
      },
      {
        weight: 1,
        arbitrary: fc.oneof(
          ...[...writes, ...readRequests].flatMap(([id, v]) => {
            const c = headerCases(id, v, keys);
            return c ? [http(c)] : [];
          }),
        ),
      },
      { weight: 1, arbitrary: unknownPathCases(keys).map((c) => ({ http: c, unknownPath: true })) },
    ];
    if (pay)
      drawn.push({
        weight: 1,
        arbitrary: socketCases({
          read: `/vouchers/${encodeURIComponent(active)}`,
          write: `/vouchers/${encodeURIComponent(active)}/${fixture.valid.redeem ? 'redemptions' : 'holds'}`,
          key: keys.pos ?? '',
          body: JSON.stringify(pay.body),
        }).map((c) => ({ socket: c })),
      });
    const cases = fc.sample(fc.oneof(...drawn), { numRuns: options.runs, seed: options.seed });

    const read = async (p: Promise<unknown>) => JSON.stringify(await p);
    // The clock's offset alone: its `now` moves by itself.
    const offset = async () => {
      const clock = await driver.invoke({ operationId: 'getTestClock' });
      return JSON.stringify(isOk(clock) ? clock.body.offsetSeconds : clock);
    };
    const reads = async () =>
      (
        await Promise.all([
          fixture.snapshot(),
          read(driver.invoke({ operationId: 'reportVouchers', query: { limit: 1000 } })),
          claimed.has('test-control') ? offset() : '',
        ])
      ).join('\n');
    const every = options.readEvery ?? 1;
    let latestReads = '';
    const snapshot = async (n: number) => {
      if (n % every === 0 || n === cases.length) latestReads = await reads();
      return `${latestReads}\n${(await options.extraState?.(fixture.session.session.tenantId)) ?? ''}`;
    };
    const figures: FuzzFigures = {
      requests: 0,
      routes: { covered: 0, of: routes.length },
      serverErrors: 0,
      notProblem: 0,
      accepted: 0,
      noAnswer: 0,
      stateChanges: 0,
      byStatus: {},
      findings: [],
    };
    const covered = new Set<string>();
    // A few of each kind, so that one frequent kind does not hide the others.
    const noted = new Map<string, number>();
    const note = (what: string) => {
      const kind = what.slice(0, what.indexOf(':'));
      const seen = noted.get(kind) ?? 0;
      noted.set(kind, seen + 1);
      if (seen < 4) figures.findings.push(what);
    };
    let baseline = await snapshot(0);
    for (const c of cases) {
      const what = 'socket' in c ? `bytes: ${c.socket.what}` : `${c.http.operationId}: ${c.http.what}`;
      if ('http' in c && !c.unknownPath) covered.add(c.http.operationId);
      const answer: SocketAnswer | (Awaited<ReturnType<typeof sendRaw>> & { closed?: boolean }) =
        'socket' in c
          ? await sendBytes(target, c.socket.bytes, timeoutMs)
          : await sendRaw(target, c.http.request, timeoutMs).catch((error: Error) => ({
              status: 0,
              contentType: '',
              body: error.message,
            }));
      figures.requests += 1;
      options.onAnswer?.(answer, what);
      figures.byStatus[answer.status] = (figures.byStatus[answer.status] ?? 0) + 1;
      const shown = `${what} → ${answer.status} ${JSON.stringify(answer.body)?.slice(0, 160)}`;
      if (answer.status === 0) {
        figures.noAnswer += 1;
        note(`no answer: ${shown}`);
      } else if (answer.status >= 500) {
        figures.serverErrors += 1;
        note(`5xx: ${shown}`);
      } else if (answer.status < 400) {
        figures.accepted += 1;
        note(`accepted: ${shown}`);
      } else {
        const faults = problemFaults(answer);
        if (faults.length > 0) {
          figures.notProblem += 1;
          note(`${faults.join('; ')}: ${shown}`);
        }
      }
      const after = await snapshot(figures.requests);
      if (after !== baseline) {
        figures.stateChanges += 1;
        note(`state changed: ${shown}`);
        baseline = after;
      }
    }
    figures.routes.covered = covered.size;
    return figures;
  } finally {
    await driver.close();
  }
}
