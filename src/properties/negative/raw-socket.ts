import { connect } from 'node:net';
import type { RawAnswer } from './raw-request.ts';

/** What came back for bytes written on a connection, and whether the target closed it. */
export interface SocketAnswer extends RawAnswer {
  /** 0 when no status line came back before the connection closed or the time ran out. */
  status: number;
  closed: boolean;
}

function parse(text: string): { head: string; body: string; length: number | undefined } | null {
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const head = text.slice(0, end);
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1];
  return { head, body: text.slice(end + 4), length: length === undefined ? undefined : Number(length) };
}

/**
 * Bytes no HTTP client sends (unparseable request lines, bad headers, smuggling shapes, past the header
 * limit) written on a fresh connection to the target; the first answer, read by hand. For the requests
 * Node's own parser refuses, below any framework: the answer must still be problem+json.
 */
export function sendBytes(target: string, bytes: string | Buffer, timeoutMs = 10_000): Promise<SocketAnswer> {
  const { hostname, port } = new URL(target);
  return new Promise((resolve) => {
    let text = '';
    let closed = false;
    let settled = false;
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    const settle = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const answer = parse(text);
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(answer?.head ?? '')?.[1] ?? 0);
      const contentType = /\r\ncontent-type:\s*([^\r]*)/i.exec(answer?.head ?? '')?.[1] ?? '';
      let body: unknown = answer?.body;
      try {
        body = answer?.body ? JSON.parse(answer.body) : undefined;
      } catch {
        // not JSON: kept as text, and the verdict says so
      }
      resolve({ status, contentType, body, closed });
    };
    const timer = setTimeout(settle, timeoutMs);
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      text += chunk;
      const answer = parse(text);
      if (answer?.length !== undefined && Buffer.byteLength(answer.body, 'latin1') >= answer.length) settle();
    });
    // A reset after the answer (the target closing on bytes it did not read) is a close like another.
    socket.on('error', () => {});
    socket.on('close', () => {
      closed = true;
      settle();
    });
  });
}
