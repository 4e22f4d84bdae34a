import fc from 'fast-check';
import type { Role } from '../../../spec/capabilities.ts';
import type { DriverChoice } from '../../driver/create-driver.ts';
import type { Driver } from '../../driver/driver.ts';
import type { OperationId } from '../../driver/operation.ts';
import { NotClaimed } from '../not-claimed.ts';
import { outcomeOf, type PropertyOutcome } from '../property-outcome.ts';
import { checkParameters, type RunBudget } from '../run-budget.ts';
import { fixedSocketCases, ignorableHeaderCases, type SocketCase } from './fuzz-cases.ts';
import { hostileCases } from './hostile-request.ts';
import { type MalformedCase, malformedCase } from './malformed-request.ts';
import { negativeFixture, type ValidRequest } from './negative-fixture.ts';
import { nestedTextCases } from './nested-text.ts';
import { pointerFaults, problemFaults } from './problem-verdict.ts';
import { sendRaw } from './raw-request.ts';
import { type SocketAnswer, sendBytes } from './raw-socket.ts';
import { requiredHeaderCases } from './required-headers.ts';

/**
 * Negative data: for every operation with a body the target claims, generated malformed requests, and
 * for every claimed read its hostile paths, queries and methods (issue 15), are refused with a 4xx
 * problem+json carrying a catalog code, and the tenant's state is byte-identical before and after. Before
 * the generated cases, a sweep of every claimed operation (issue 16): each header the contract requires
 * left out or wrong (at the status the contract names), and text that is not text at every nested string
 * of its body. Raw HTTP to the target's URL: not claimed for an adapter target.
 */
export async function checkNegativeData(
  driver: Driver,
  config: DriverChoice,
  budget: RunBudget,
): Promise<PropertyOutcome> {
  const adapter = config.adapter;
  if (adapter)
    throw new NotClaimed(
      'negative data sends raw requests of the canonical HTTP contract; an adapter target does not serve them',
    );
  const fixture = await negativeFixture(driver);
  const keys = fixture.session.session.keys;
  const baseline = await fixture.snapshot();
  const operations = Object.entries(fixture.valid).map(([id, valid]) =>
    malformedCase(id as OperationId, valid, keys),
  );
  const reads = Object.entries(fixture.reads).flatMap(([id, valid]) =>
    hostileCases(id as OperationId, valid, keys),
  );
  const sweep: NegativeCase[] = [
    ...negativeSweep(fixture.valid, fixture.reads, keys),
    ...socketSweep(fixture, keys.pos).map((socket) => ({ socket })),
  ];
  const generated = fc.oneof(...operations, ...reads) as fc.Arbitrary<NegativeCase>;
  const property = fc.asyncProperty(generated, async (c: NegativeCase) => {
    const answer =
      'socket' in c
        ? await sendBytes(config.target, c.socket.bytes, config.timeoutMs)
        : await sendRaw(config.target, c.request, config.timeoutMs);
    // Bytes that never become a request may meet what stands in front of the service (a load balancer,
    // a proxy), which may refuse them its own way or close the connection (RFC 9112 allows either): they
    // must never be accepted nor break the server (2xx, 3xx, 5xx), and nothing may change.
    const faults = 'socket' in c ? socketFaults(c.socket, answer as SocketAnswer) : problemFaults(answer);
    if (!('socket' in c)) {
      if (c.status !== undefined && answer.status !== c.status)
        faults.push(`status ${answer.status}, the contract says ${c.status}`);
      if (c.pointer !== undefined) faults.push(...pointerFaults(answer, c.pointer));
    }
    const after = await fixture.snapshot();
    if (after !== baseline) faults.push('the tenant state changed');
    if (faults.length > 0) {
      const what =
        'socket' in c ? `bytes no client sends: ${c.socket.what}` : `${c.operationId} with ${c.what}`;
      throw new Error(`${what}: ${faults.join('; ')} (answer ${JSON.stringify(answer.body)?.slice(0, 300)})`);
    }
  });
  // The sweep runs first, as fast-check's examples (counted in numRuns), then `budget.runs` generated cases.
  const details = await fc.check(property, {
    examples: sweep.map((c) => [c] as [NegativeCase]),
    ...checkParameters(budget),
    numRuns: budget.runs + sweep.length,
  });
  return outcomeOf('negative-data', details, undefined);
}

/**
 * What is wrong with the answer to bytes on a socket: refused (4xx) or the connection closed, never
 * accepted nor broken (2xx, 3xx, 5xx); a request that must be answered (SocketCase.mustAnswer) may get
 * any answer but a 5xx, and no answer at all is a hang.
 */
function socketFaults(c: SocketCase, answer: SocketAnswer): string[] {
  if (c.mustAnswer) {
    if (answer.status === 0)
      return [
        answer.closed ? 'the connection closed without an answer' : 'no answer: the target hangs on it',
      ];
    return answer.status >= 500 ? [`status ${answer.status}`] : [];
  }
  if (answer.status === 0 || (answer.status >= 400 && answer.status < 500)) return [];
  return [`status ${answer.status}, neither a refusal nor a closed connection`];
}

/** A request of the contract spoilt, or bytes that never become a request. */
type NegativeCase = MalformedCase | { socket: SocketCase };

/**
 * Bytes no HTTP client sends, on a fresh connection (an unparseable request line, bad headers, request
 * smuggling shapes, a valid payment among them): refused or the connection closed, never accepted, never
 * a 5xx, and nothing changed; and a read with a header a server may ignore, which must be answered. At
 * the fixture's active voucher, paid at with the POS key; none when the target claims no way to pay.
 */
function socketSweep(fixture: Awaited<ReturnType<typeof negativeFixture>>, key: string | undefined) {
  const pay = fixture.valid.redeem ?? fixture.valid.createHold;
  const active = fixture.known.vouchers[0];
  if (!pay || !active || !key) return [];
  const voucher = `/vouchers/${encodeURIComponent(active)}`;
  const at = {
    read: voucher,
    write: `${voucher}/${fixture.valid.redeem ? 'redemptions' : 'holds'}`,
    key,
    body: JSON.stringify(pay.body),
  };
  return [...fixedSocketCases(at), ...ignorableHeaderCases(at)];
}

/** Every claimed operation's required headers left out or wrong, and its nested strings spoilt. */
export function negativeSweep(
  valid: Partial<Record<OperationId, ValidRequest>>,
  reads: Partial<Record<OperationId, ValidRequest>>,
  keys: Partial<Record<Role, string>>,
): MalformedCase[] {
  const all = [...Object.entries(valid), ...Object.entries(reads)] as Array<[OperationId, ValidRequest]>;
  return [
    ...all.flatMap(([id, v]) => requiredHeaderCases(id, v, keys)),
    ...all.flatMap(([id, v]) => nestedTextCases(id, v, keys)),
  ];
}
