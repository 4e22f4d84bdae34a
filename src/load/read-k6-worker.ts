// A worker thread of readK6Run: reads its share of a large run's k6 outputs and posts what it found.
import { parentPort, workerData } from 'node:worker_threads';
import { type PartJob, readPart } from './read-k6-part.ts';

try {
  parentPort?.postMessage({ done: await readPart(workerData as PartJob) });
} catch (error) {
  parentPort?.postMessage({ error: (error as Error).message });
}
