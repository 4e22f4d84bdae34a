// A worker thread of `vcert check`: reads and checks the share of a history it is sent (check-thread.ts).
import { parentPort } from 'node:worker_threads';
import { CheckThread } from './check-thread.ts';

const thread = new CheckThread();
parentPort?.on(
  'message',
  (message: { id: number; kind: 'read' | 'prepare' | 'check' | 'cpu'; share: never }) => {
    try {
      const result =
        message.kind === 'read'
          ? thread.read(message.share)
          : message.kind === 'prepare'
            ? thread.prepare(message.share)
            : message.kind === 'cpu'
              ? thread.cpuMs()
              : thread.check(message.share);
      parentPort?.postMessage({ id: message.id, result });
    } catch (error) {
      // One line: the caller prints it as the reason the history could not be checked.
      const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      parentPort?.postMessage({ id: message.id, error: text.split('\n')[0] });
    }
  },
);
