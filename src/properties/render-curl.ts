import { routeOf } from '../driver/route-table.ts';
import type { PropertyOutcome } from './property-outcome.ts';
import type { TranscriptStep } from './transcript.ts';

const quote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;

const keyVariable: Record<string, string> = {
  pos: 'POS_KEY',
  webshop: 'WEBSHOP_KEY',
  backoffice: 'OFFICE_KEY',
  'wrong-key': 'WRONG_KEY',
  'other-tenant': 'OTHER_POS_KEY',
};

/** Replaces every id the run learnt by the shell variable that holds it in the script. */
function symbolic(text: string, names: ReadonlyMap<string, string>): string {
  let out = text;
  for (const [value, name] of names) out = out.replaceAll(value, `\${${name}}`);
  return out;
}

function pathOf(step: TranscriptStep): string {
  const route = routeOf(step.operationId);
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => step.params?.[name] ?? `{${name}}`);
  const query = new URLSearchParams(step.query ?? {}).toString();
  return query ? `${path}?${query}` : path;
}

/**
 * The shrunk counterexample as a shell script of curl commands against $TARGET: a fresh tenant through
 * test control, then each request, with the ids of earlier answers captured by jq into variables.
 */
export function renderCurl(outcome: PropertyOutcome): string {
  const names = new Map<string, string>();
  const lines = [
    '#!/bin/sh',
    `# vcert properties ${outcome.property}: seed ${outcome.seed}${outcome.path ? `, path ${outcome.path}` : ''}`,
    'set -u',
    'TARGET="$(printenv TARGET || echo http://127.0.0.1:8080)"',
    "TENANT=$(curl -s -X POST \"$TARGET/test/tenants\" -H 'content-type: application/json' -d '{}')",
    'POS_KEY=$(echo "$TENANT" | jq -r .keys.pos)',
    'WEBSHOP_KEY=$(echo "$TENANT" | jq -r .keys.webshop)',
    'OFFICE_KEY=$(echo "$TENANT" | jq -r .keys.backoffice)',
  ];
  for (const [n, step] of (outcome.transcript?.steps ?? []).entries()) {
    const route = routeOf(step.operationId);
    const parts = [`curl -s -X ${route.method} "$TARGET${symbolic(pathOf(step), names)}"`];
    const key = keyVariable[step.auth];
    if (key) parts.push(`-H "authorization: Bearer \${${key}}"`);
    if (route.mutating) parts.push(`-H 'idempotency-key: step-${n + 1}-'"$$"`);
    if (route.method === 'POST') {
      parts.push(`-H 'content-type: application/json'`);
      const body = symbolic(JSON.stringify(step.body ?? {}), names);
      parts.push(body.includes('${') ? `-d "${body.replaceAll('"', '\\"')}"` : `-d ${quote(body)}`);
    }
    const seen = step.status === null ? 'no answer' : `${step.status}${step.code ? ` ${step.code}` : ''}`;
    const expected = step.expected ? `; the model expects ${step.expected}` : '';
    lines.push('', `# ${n + 1}. ${step.operationId}: the target answered ${seen}${expected}`);
    if (step.binds.length === 0) {
      lines.push(`${parts.join(' ')}; echo`);
      continue;
    }
    lines.push(`ANSWER=$(${parts.join(' ')}); echo "$ANSWER"`);
    for (const bind of step.binds) {
      lines.push(`${bind.name}=$(echo "$ANSWER" | jq -r '${bind.jq}')`);
      names.set(bind.value, bind.name);
    }
  }
  return lines.join('\n');
}
