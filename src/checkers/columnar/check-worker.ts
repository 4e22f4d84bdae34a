// A worker thread of `vcert check`: reads and checks the share of a history it is sent (check-thread.ts).
import { parentPort } from 'node:worker_threads';
import { type CallKind, CheckThread, type ClaimKind } from './check-thread.ts';

const thread = new CheckThread();

function answer(kind: CallKind, share: never): unknown {
  if (kind === 'read') return thread.read(share);
  if (kind === 'prepare') return thread.prepare(share);
  if (kind === 'cpu') return thread.cpuMs();
  if (kind === 'check') return thread.check(share);
  const {
    kind: claimed,
    tasks,
    counter,
  } = share as { kind: ClaimKind; tasks: unknown[]; counter: Int32Array };
  return thread.claim(claimed, tasks, counter);
}
parentPort?.on('message', (message: { id: number; kind: CallKind; share: never }) => {
  try {
    const result = answer(message.kind, message.share);
    parentPort?.postMessage({ id: message.id, result });
  } catch (error) {
    // One line: the caller prints it as the reason the history could not be checked.
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    parentPort?.postMessage({ id: message.id, error: text.split('\n')[0] });
  }
});
