// A check worker that takes every message and never answers (the pool must still close).
import { parentPort } from 'node:worker_threads';

parentPort?.on('message', () => {});
