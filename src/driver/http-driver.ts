import { randomUUID } from 'node:crypto';
import type { Pool } from 'undici';
import type { Capability } from '../../spec/capabilities.ts';
import type { Arranged, ProviderStateName, StateParams } from '../../spec/provider-states.ts';
import type { Problem } from '../../spec/schemas/common.ts';
import { CanonicalArranger } from './arrange/canonical-arranger.ts';
import { breaksContract, type Completion } from './completion.ts';
import { contractValidator, withContractCheck } from './contract-check.ts';
import type { Driver, DriverConfig, Session } from './driver.ts';
import { keyHolder, recordExchange } from './exchange.ts';
import type { Operation, OperationId, ResultOf } from './operation.ts';
import { acquirePool, releasePool } from './pool-registry.ts';
import { defaultRole, pathOf, routeOf } from './route-table.ts';

/** What each target claims, read once per process. */
const claimedByTarget = new Map<string, Promise<Capability[]>>();

function parseBody(text: string, contentType: string | undefined): unknown {
  if (text === '') return undefined;
  if (contentType && /json/i.test(contentType)) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

/** The header by which the harness's own fault proxy marks an answer it made up (never the target's). */
export const injectedFaultHeader = 'vcert-injected-fault';

/** The refusal as sent; an answer that is no problem object keeps its text as the title and a code of its status. */
function problemOf(parsed: unknown, status: number): Problem {
  if (parsed && typeof parsed === 'object' && typeof (parsed as Problem).code === 'string')
    return parsed as Problem;
  const title = typeof parsed === 'string' ? parsed.slice(0, 200) : JSON.stringify(parsed ?? null);
  return {
    ...(parsed && typeof parsed === 'object' ? parsed : {}),
    type: 'about:blank',
    title,
    status,
    code: `http_${status}` as Problem['code'],
  };
}

/**
 * The canonical driver: the contract over HTTP with undici. Generates an Idempotency-Key for every
 * mutating call unless the caller gives one, turns timeouts and lost connections into `info`, and checks
 * every answer against the OpenAPI document: what departs from it comes back as the answer's
 * `violations`, beside the status and body as they were sent.
 */
export class HttpDriver implements Driver {
  readonly name = 'http';
  #config: DriverConfig | undefined;
  #origin = '';
  #basePath = '';
  #pool: Pool | undefined;
  #session: Session = { tenantId: null, keys: {}, isolated: false };
  #validate = true;
  /** Arranges in the current session: types made for one tenant are that tenant's (a new one each setup). */
  #arranger = this.#newArranger();

  #newArranger(): CanonicalArranger {
    return new CanonicalArranger(
      (operation) => this.invoke(operation),
      () => this.#claimed(),
    );
  }

  async open(config: DriverConfig): Promise<void> {
    const url = new URL(config.target);
    this.#config = config;
    this.#origin = url.origin;
    this.#basePath = url.pathname.replace(/\/+$/, '');
    this.#pool = acquirePool(this.#origin);
    this.#validate = config.validate !== false;
    if (this.#validate) contractValidator();
    this.#session = { tenantId: null, keys: { ...(config.apiKeys ?? {}) }, isolated: false };
  }

  /** What the target claims, read once per target and process. */
  #claimed(): Promise<Capability[]> {
    const target = this.#config?.target ?? '';
    let claimed = claimedByTarget.get(target);
    if (!claimed) {
      claimed = this.capabilities();
      claimedByTarget.set(target, claimed);
      claimed.catch(() => claimedByTarget.delete(target));
    }
    return claimed;
  }

  /** The canonical contract is the vendor's own: nothing is emulated. */
  async emulated(): Promise<Capability[]> {
    return [];
  }

  arrange<S extends ProviderStateName>(state: S, params: StateParams<S>): Promise<Arranged<S>> {
    return this.#arranger.arrange(state, params);
  }

  async capabilities(): Promise<Capability[]> {
    const answer = await this.invoke({ operationId: 'getCapabilities' });
    // What the target claims decides what is tested: an answer outside the contract decides nothing.
    if (answer.violations?.length)
      throw new Error(
        `cannot read capabilities: the answer breaks the contract: ${answer.violations
          .slice(0, 3)
          .map((v) => `${v.path} ${v.message}`)
          .join('; ')}`,
      );
    if (answer.completion !== 'ok' || !Array.isArray(answer.body?.capabilities))
      throw new Error(`cannot read capabilities: ${JSON.stringify(answer)}`);
    return answer.body.capabilities as Capability[];
  }

  /** A fresh tenant when the target has test control; otherwise the vendor-given keys. */
  async setup(): Promise<Session> {
    this.#arranger = this.#newArranger();
    const claimed = await this.#claimed();
    if (claimed.includes('test-control')) {
      const answer = await this.invoke({ operationId: 'createTestTenant', body: {} });
      if (answer.completion !== 'ok' || breaksContract(answer))
        throw new Error(`cannot create a test tenant: ${JSON.stringify(answer)}`);
      this.#session = { tenantId: answer.body.tenantId, keys: { ...answer.body.keys }, isolated: true };
    }
    return this.#session;
  }

  async invoke<Id extends OperationId>(operation: Operation<Id>): Promise<Completion<ResultOf<Id>>> {
    const pool = this.#pool;
    const config = this.#config;
    if (!pool || !config) throw new Error('HttpDriver: invoke before open');
    const route = routeOf(operation.operationId);
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
    const auth = operation.auth ?? (defaultRole(route) ? { role: defaultRole(route) ?? 'pos' } : 'none');
    if (auth !== 'none') {
      const key = 'key' in auth ? auth.key : this.#session.keys[auth.role];
      if (key) headers.authorization = `Bearer ${key}`;
    }
    let idempotencyKey: string | undefined;
    if (route.mutating) {
      idempotencyKey = operation.idempotencyKey ?? randomUUID();
      headers['idempotency-key'] = idempotencyKey;
    }
    let body: string | undefined;
    const payload = operation.rawBody !== undefined ? operation.rawBody : operation.body;
    if (payload !== undefined || route.method === 'POST') {
      body = typeof payload === 'string' ? payload : JSON.stringify(payload ?? {});
      headers['content-type'] = 'application/json';
    }
    const timeout = config.timeoutMs ?? 10_000;
    let status: number;
    let contentType: string | undefined;
    let text: string;
    let injected: string | undefined;
    const path =
      this.#basePath +
      pathOf(route, operation.params as object | undefined, operation.query as object | undefined);
    const who =
      auth === 'none' ? 'none' : 'key' in auth ? keyHolder(auth.key, this.#session.keys) : auth.role;
    const exchange = recordExchange(this.#config?.onExchange, route.operationId, {
      method: route.method,
      url: `${this.#origin}${path}`,
      auth: who,
      headers,
      ...(body === undefined ? {} : { body }),
    });
    try {
      const res = await pool.request({
        method: route.method,
        path,
        headers,
        body,
        headersTimeout: timeout,
        bodyTimeout: timeout,
      });
      status = res.statusCode;
      const ct = res.headers['content-type'];
      contentType = Array.isArray(ct) ? ct[0] : ct;
      const fault = res.headers[injectedFaultHeader];
      injected = Array.isArray(fault) ? fault[0] : fault;
      text = await res.body.text();
      exchange?.answered(status, res.headers, text);
    } catch (error) {
      const code = (error as { code?: string }).code ?? (error as Error).name;
      exchange?.lost(`${code}: ${(error as Error).message}`);
      return { completion: 'info', error: `${code}: ${(error as Error).message}`, idempotencyKey };
    }
    if (injected) return { completion: 'info', error: `fault injected: ${injected}`, idempotencyKey };
    const parsed = parseBody(text, contentType);
    const answer: Completion<ResultOf<Id>> =
      status >= 200 && status < 300
        ? { completion: 'ok', status, body: parsed as ResultOf<Id>, idempotencyKey }
        : { completion: 'fail', status, problem: problemOf(parsed, status), idempotencyKey };
    return this.#validate ? withContractCheck(route.operationId, answer, contentType, parsed) : answer;
  }

  /** Test-control tenants are left for inspection; the target's reset or restart removes them. */
  async teardown(): Promise<void> {}

  async close(): Promise<void> {
    if (!this.#pool) return;
    this.#pool = undefined;
    await releasePool(this.#origin);
  }
}
