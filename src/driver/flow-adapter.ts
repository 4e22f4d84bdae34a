import * as kit from '../../adapter/flow-kit.js';
import type { FlowAdapter, FlowRequest, FlowResponse, FlowStep } from '../../adapter/index.js';
import { checkRequest } from '../../adapter/index.js';
import type { Capability } from '../../spec/capabilities.ts';
import type { ProviderStateName, StateParams } from '../../spec/provider-states.ts';
import type { Completion } from './completion.ts';
import type { DriverConfig, Session } from './driver.ts';
import { keyHolder, recordExchange } from './exchange.ts';
import { flowSender } from './flow-sender.ts';
import type { AnyOperation } from './operation.ts';
import type { VendorAdapter } from './vendor-adapter.ts';

/** Whether a module's export is a transport-free adapter: operations as generators, no invoke(). */
export function isFlowAdapter(value: unknown): value is FlowAdapter {
  const v = value as FlowAdapter | null;
  return (
    !!v &&
    typeof v === 'object' &&
    typeof v.name === 'string' &&
    Array.isArray(v.capabilities) &&
    !!v.operations &&
    typeof v.operations === 'object' &&
    typeof (v as unknown as { invoke?: unknown }).invoke !== 'function'
  );
}

/** A flow paused right before the request that moves money (or finished without one). */
type Paused<R> =
  | { done: true; value: R }
  | { done: false; request: FlowRequest; resume: Generator<FlowRequest, R, FlowResponse> };

/**
 * Runs transport-free adapters in Node: a request the contract's own schema refuses (a float as an
 * amount) is answered validation_failed before the flow sees it, as checkRequest does for Node adapters; each request a flow yields is sent to the target over undici
 * (and recorded as an HTTP exchange of the operation, keys redacted), its answer handed back, until the
 * flow returns its completion. `prepare` runs a flow up to the request marked `moves` and returns its
 * commit, so that races line racers up at the request that moves money.
 */
export function flowAdapter(flow: FlowAdapter, config: DriverConfig): VendorAdapter {
  const context = { target: config.target, keys: { ...(config.apiKeys ?? {}) }, state: {} };
  const send = flowSender(config.target, config.timeoutMs ?? 10_000);
  const keys = config.apiKeys ?? {};

  async function exchange(operationId: string, request: FlowRequest): Promise<FlowResponse> {
    const prepared = send.prepare(request);
    const authorization = Object.entries(prepared.headers).find(([name]) =>
      ['authorization', 'x-api-key'].includes(name.toLowerCase()),
    )?.[1];
    const token = authorization?.replace(/^Bearer\s+/i, '');
    const record = recordExchange(config.onExchange, operationId, {
      method: request.method,
      url: prepared.url,
      auth: token ? keyHolder(token, keys) : 'none',
      headers: prepared.headers,
      ...(prepared.body === undefined ? {} : { body: prepared.body }),
    });
    const answer = await send.send(prepared);
    if (answer.status === 0) record?.lost(answer.error ?? 'no answer');
    else record?.answered(answer.status, answer.headers, answer.text);
    return answer.response;
  }

  /** Drives a flow: every request sent and answered, until it returns, or pauses before `moves`. */
  async function drive<R>(
    operationId: string,
    it: Generator<FlowRequest, R, FlowResponse>,
    first: FlowResponse | undefined,
    stopAtMoves: boolean,
  ): Promise<Paused<R>> {
    let step = first === undefined ? it.next() : it.next(first);
    while (!step.done) {
      if (stopAtMoves && step.value.moves) return { done: false, request: step.value, resume: it };
      step = it.next(await exchange(operationId, step.value));
    }
    return { done: true, value: step.value };
  }

  const stepOf = (operation: AnyOperation) =>
    flow.operations[operation.operationId as keyof FlowAdapter['operations']] as
      | FlowStep<AnyOperation, Completion>
      | undefined;
  const notPerformed = (operation: AnyOperation) =>
    kit.refuse('not_found', { detail: `${flow.name} has no ${operation.operationId}` }) as Completion;

  return {
    name: flow.name,
    async capabilities() {
      return [...flow.capabilities] as Capability[];
    },
    async emulated() {
      return [...(flow.emulated ?? [])] as Capability[];
    },
    close: () => send.close(),
    async setup(): Promise<Session> {
      return { tenantId: null, keys: { ...keys }, isolated: false };
    },
    async arrange<S extends ProviderStateName>(state: S, params: StateParams<S>) {
      const step = flow.arrange?.[state as keyof NonNullable<FlowAdapter['arrange']>] as
        | FlowStep<StateParams<S>, unknown>
        | undefined;
      if (!step) throw new kit.CannotArrange(`${flow.name} cannot arrange "${state}"`);
      const done = await drive(`arrange ${state}`, step(params, context, kit), undefined, false);
      return (done as { value: unknown }).value as never;
    },
    async invoke(operation: AnyOperation): Promise<Completion> {
      const step = stepOf(operation);
      if (!step) return notPerformed(operation);
      const malformed = checkRequest(operation);
      if (malformed) return malformed as Completion;
      const done = await drive(operation.operationId, step(operation, context, kit), undefined, false);
      return (done as { value: Completion }).value;
    },
    async prepare(operation: AnyOperation) {
      const step = stepOf(operation);
      if (!step) return { commit: async () => notPerformed(operation) };
      const malformed = checkRequest(operation);
      if (malformed) return { commit: async () => malformed as Completion };
      const paused = await drive(operation.operationId, step(operation, context, kit), undefined, true);
      if (paused.done) return { commit: async () => paused.value };
      return {
        commit: async () => {
          const answer = await exchange(operation.operationId, paused.request);
          const done = await drive(operation.operationId, paused.resume, answer, false);
          return (done as { value: Completion }).value;
        },
      };
    },
  };
}
