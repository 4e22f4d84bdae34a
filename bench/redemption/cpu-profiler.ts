import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

export interface RunningProfile {
  /** Stops the profiler and writes the V8 .cpuprofile to `path`. */
  stop(path: string): Promise<void>;
}

/** Starts V8's sampling CPU profiler in this process (200 µs between samples). */
export async function startCpuProfile(): Promise<RunningProfile> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  return {
    async stop(path) {
      const { profile } = await session.post('Profiler.stop');
      session.disconnect();
      writeFileSync(path, JSON.stringify(profile));
    },
  };
}
