import { STATUS_CODES } from 'node:http';
import type { Exchange } from '../driver/exchange.ts';

const longest = 4000;

function clip(text: string): string {
  return text.length > longest ? `${text.slice(0, longest)}… (${text.length} characters)` : text;
}

/** A JSON text indented for reading; any other text as it is. */
function readable(text: string): string {
  try {
    return clip(JSON.stringify(JSON.parse(text), null, 2));
  } catch {
    return clip(text);
  }
}

const indent = (text: string) =>
  text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');

function headerLines(headers: Record<string, string>, keep: readonly string[]): string[] {
  return Object.entries(headers)
    .filter(([name]) => keep.includes(name.toLowerCase()))
    .map(([name, value]) => `    ${name}: ${value}`);
}

const requestHeaders = ['authorization', 'idempotency-key', 'content-type'];
const responseHeaders = ['content-type', 'location', 'allow', 'retry-after', 'idempotency-replayed'];

function httpText(exchange: Extract<Exchange, { kind: 'http' }>, n: number): string {
  const { request, response } = exchange;
  const lines = [
    `${n}. ${exchange.operationId}: ${request.method} ${request.url}   (key: ${request.auth})`,
    ...headerLines(request.headers, requestHeaders),
  ];
  if (request.body !== undefined) lines.push(indent(readable(request.body)));
  if (response) {
    lines.push(
      `   → ${response.status} ${STATUS_CODES[response.status] ?? ''}   (${exchange.durationMs} ms)`,
      ...headerLines(response.headers, responseHeaders),
    );
    if (response.body) lines.push(indent(readable(response.body)));
  } else lines.push(`   → no answer: ${exchange.error}   (${exchange.durationMs} ms)`);
  return lines.join('\n');
}

function adapterText(exchange: Extract<Exchange, { kind: 'adapter' }>, n: number): string {
  return [
    `${n}. ${exchange.operationId} through the adapter`,
    indent(clip(JSON.stringify(exchange.operation, null, 2))),
    `   → (${exchange.durationMs} ms)`,
    indent(clip(JSON.stringify(exchange.completion, null, 2))),
  ].join('\n');
}

/** The exchanges of a step as a person reads them: request, headers that matter, body; status, body. */
export function renderExchanges(exchanges: readonly Exchange[]): string {
  if (exchanges.length === 0) return '(this step exchanged nothing with the target)';
  return exchanges
    .map((exchange, i) =>
      exchange.kind === 'http' ? httpText(exchange, i + 1) : adapterText(exchange, i + 1),
    )
    .join('\n\n');
}
