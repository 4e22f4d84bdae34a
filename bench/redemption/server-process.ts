// Child process: runs the reference implementation alone in its own event loop, so the benchmark's
// load generator never shares an event loop with the server it measures.
// IPC protocol: sends { ready, url, databaseUrl, pid } once listening, then answers each request:
// { cmd: 'cpu' } → { cpu } (ms used so far); { cmd: 'profile-start' } → { profiling };
// { cmd: 'profile-stop', path } → { profile: path } (a .cpuprofile written there);
// { cmd: 'close' } (or the parent going away, or a signal) closes the server and exits.
import { startServer } from '../../reference-impl/server.ts';
import { type RunningProfile, startCpuProfile } from './cpu-profiler.ts';

const dataDir = process.argv[2];
if (!dataDir || !process.send) throw new Error('usage: fork server-process.ts <dataDir> (with IPC)');
const send = process.send.bind(process);

const server = await startServer({ testControl: true, dataDir, logLevel: 'error' });
let closing: Promise<void> | null = null;
const close = () => {
  closing ??= server.close().finally(() => process.exit(0));
  return closing;
};

let profiler: RunningProfile | null = null;
const answer = async (message: { cmd?: string; path?: string }) => {
  if (message.cmd === 'cpu') {
    const usage = process.cpuUsage();
    return { cpu: (usage.user + usage.system) / 1000 };
  }
  if (message.cmd === 'profile-start') {
    profiler = await startCpuProfile();
    return { profiling: true };
  }
  if (message.cmd === 'profile-stop' && message.path && profiler) {
    await profiler.stop(message.path);
    profiler = null;
    return { profile: message.path };
  }
  return { error: `unknown command ${message.cmd}` };
};

process.on('message', (message: { cmd?: string; path?: string }) => {
  if (message.cmd === 'close') void close();
  else answer(message).then(send, (error) => send({ error: String(error) }));
});
process.on('disconnect', () => void close());
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void close());
send({ ready: true, url: server.url, databaseUrl: server.databaseUrl, pid: process.pid });
