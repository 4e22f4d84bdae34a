import { routeOf } from '../driver/route-table.ts';
import { arrangementRequests, type ScriptRequest } from './curl-arrangement.ts';
import { type Flight, flights } from './flight-groups.ts';
import { shellWord, symbolic } from './shell-text.ts';
import type { CallStep, Transcript } from './transcript.ts';

const keyVariable: Record<string, string> = {
  pos: 'POS_KEY',
  webshop: 'WEBSHOP_KEY',
  backoffice: 'OFFICE_KEY',
  'wrong-key': 'WRONG_KEY',
  'other-tenant': 'OTHER_POS_KEY',
  'other-tenant:pos': 'OTHER_POS_KEY',
  'other-tenant:webshop': 'OTHER_WEBSHOP_KEY',
  'other-tenant:backoffice': 'OTHER_OFFICE_KEY',
};

/** The request path: ids the run learnt as the variables that hold them, any other value URL-encoded. */
function pathOf(req: ScriptRequest, names: ReadonlyMap<string, string>): string {
  const path = routeOf(req.operationId).path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = req.params?.[name];
    if (value === undefined) return `{${name}}`;
    const shown = symbolic(value, names);
    return /^\$\{\w+\}$/.test(shown) ? shown : encodeURIComponent(value);
  });
  const query = new URLSearchParams(req.query ?? {}).toString();
  return query ? `${path}?${symbolic(query, names)}` : path;
}

/** The header part of a script: where to send, the run's own suffix, and the keys. */
function preamble(transcript: Transcript, heading: readonly string[]): string[] {
  const isolated = transcript.isolated;
  const lines = [
    '#!/bin/sh',
    ...heading.map((line) => `# ${line}`),
    '# Replays the requests in order, each with the Idempotency-Key it had in the run (a retry sends its',
    '# first request key again); prints "N. operation: STATUS BODY" for each.',
    'set -u',
    'TARGET="$(printenv TARGET || echo http://127.0.0.1:8080)"',
    'RUN=$$',
    "WRONG_KEY='vk_pos_not-a-real-key'",
    'BODY=$(mktemp)',
    'trap \'rm -f "$BODY"\' EXIT',
  ];
  if (isolated)
    lines.push(
      "TENANT=$(curl -s -X POST \"$TARGET/test/tenants\" -H 'content-type: application/json' -d '{}')",
      'POS_KEY=$(echo "$TENANT" | jq -r .keys.pos)',
      'WEBSHOP_KEY=$(echo "$TENANT" | jq -r .keys.webshop)',
      'OFFICE_KEY=$(echo "$TENANT" | jq -r .keys.backoffice)',
    );
  else
    lines.push(
      '# The run used the keys given with --api-key (the target has no test control): give them here.',
      'POS_KEY="$(printenv POS_KEY)" || { echo "set POS_KEY (and WEBSHOP_KEY, OFFICE_KEY)" >&2; exit 2; }',
      'WEBSHOP_KEY="$(printenv WEBSHOP_KEY || echo "$POS_KEY")"',
      'OFFICE_KEY="$(printenv OFFICE_KEY || echo "$POS_KEY")"',
    );
  return lines;
}

/** What the run saw for a request: its status and code, or no answer. */
function seenOf(step: CallStep): string {
  return step.status === null ? 'no answer' : `${step.status}${step.code ? ` ${step.code}` : ''}`;
}

/** A recorded request as the script sends it (binds: what the script reads from its answer). */
function scriptRequest(step: CallStep, binds: CallStep['binds']): ScriptRequest {
  return {
    operationId: step.operationId,
    role: step.auth as ScriptRequest['role'],
    params: step.params,
    query: step.query,
    body: step.body,
    ...(step.rawBody === undefined ? {} : { rawBody: step.rawBody }),
    binds,
  };
}

/**
 * The shrunk counterexample as a shell script of curl commands against $TARGET: a fresh tenant through
 * test control (or the keys given), the provider states arranged as the canonical driver arranges them,
 * then each request exactly as the run sent it, with the ids of earlier answers captured by jq into
 * variables and every Idempotency-Key as the run used it: a retry with the same key replays.
 */
export function renderCurl(transcript: Transcript, heading: readonly string[]): string {
  const names = new Map<string, string>(transcript.suffix ? [[transcript.suffix, 'RUN']] : []);
  const keys = new Map<string, string>();
  let fresh = 0;
  const typesMade = new Map<string, string>();
  const lines = preamble(transcript, heading);
  /** One request; `file` names its own body file when it is sent together with others (in the background). */
  const request = (
    step: string,
    req: ScriptRequest,
    idempotencyKey: string | undefined,
    file?: string,
  ): void => {
    const route = routeOf(req.operationId);
    const path = pathOf(req, names);
    const body = file ? `"$BODY.${file}"` : '"$BODY"';
    const parts = [`curl -s -o ${body} -w '%{http_code}' -X ${route.method} "$TARGET"${shellWord(path)}`];
    const key = keyVariable[req.role];
    if (key) parts.push(`-H "authorization: Bearer \${${key}}"`);
    if (route.mutating) {
      let label = idempotencyKey === undefined ? undefined : keys.get(idempotencyKey);
      if (label === undefined) {
        fresh += 1;
        label = `k${fresh}`;
        if (idempotencyKey !== undefined) keys.set(idempotencyKey, label);
      }
      parts.push(`-H "idempotency-key: ${label}-\${RUN}"`);
    }
    if (route.method === 'POST' || req.rawBody !== undefined) {
      parts.push(`-H 'content-type: application/json'`);
      parts.push(`-d ${shellWord(symbolic(req.rawBody ?? JSON.stringify(req.body ?? {}), names))}`);
    }
    const run = [`STATUS=$(${parts.join(' ')})`, `echo "${step} ${req.operationId}: $STATUS $(cat ${body})"`];
    lines.push(...(file ? [`( ${run.join('; ')} ) &`] : run));
    for (const bind of req.binds) lines.push(`${bind.name}=$(jq -r '${bind.jq}' ${body})`);
  };
  /** Requests that were in flight at the same time go out together, in the background, then `wait`. */
  const together = (flight: Flight): void => {
    const first = flight.steps[0]?.n;
    lines.push(
      '',
      `# ${first}-${flight.steps.at(-1)?.n}: in flight at the same time in the run, so sent together`,
    );
    const later: string[] = [];
    for (const { n, step } of flight.steps) {
      if (step.kind !== 'call') continue;
      lines.push(`# ${n}. ${step.operationId}: the target answered ${seenOf(step)}`);
      request(`${n}.`, scriptRequest(step, []), step.idempotencyKey, String(n));
      for (const bind of step.binds) later.push(`${bind.name}=$(jq -r '${bind.jq}' "$BODY.${n}")`);
      for (const bind of step.binds) names.set(bind.value, bind.name);
    }
    lines.push('wait', ...later);
  };
  for (const flight of flights(transcript.steps)) {
    if (flight.together) {
      together(flight);
      continue;
    }
    const { n, step } = flight.steps[0] as Flight['steps'][number];
    if (step.kind === 'arrange') {
      const made = step.error ?? JSON.stringify(step.result);
      const recipe = arrangementRequests(step, n, typesMade);
      lines.push('', `# ${n}. arrange ${step.state} ${JSON.stringify(step.params)}: ${made}`);
      if (!recipe) {
        lines.push('# (this state is not scripted: arrange it by hand)');
        continue;
      }
      lines.push(
        '#    as the canonical driver arranges it through the contract (arrangement is never certified)',
      );
      for (const [j, req] of recipe.entries()) request(`${n}/${j + 1} arrange`, req, undefined);
      for (const bind of step.binds) names.set(bind.value, bind.name);
      continue;
    }
    const expected = step.expected ? `; the model expects ${step.expected}` : '';
    lines.push('', `# ${n}. ${step.operationId}: the target answered ${seenOf(step)}${expected}`);
    request(`${n}.`, scriptRequest(step, step.binds), step.idempotencyKey);
    for (const bind of step.binds) names.set(bind.value, bind.name);
  }
  return lines.join('\n');
}
