import { join } from 'node:path';
import type { ImageTargetOptions } from '../containers/image-target.ts';
import type { RunTarget } from './run-target.ts';

/** `vcert run --image`: what to start; the container's output goes to the report directory. */
export interface ImageRun extends Omit<ImageTargetOptions, 'logFile' | 'signal' | 'networkMode'> {
  /** Start PostgreSQL on the host for the image and pass it DATABASE_URL. */
  database?: boolean;
}

/** The container's output, beside the other reports. */
export const containerLogFile = (reportDir: string) => join(reportDir, 'container.log');

/**
 * Starts the image (and the database beside it when asked); closing the target removes the
 * container, then stops the database. testcontainers is loaded only here, so nothing else in the
 * project needs a container engine.
 */
export async function startImageRun(
  run: ImageRun,
  reportDir: string,
  signal?: AbortSignal,
): Promise<RunTarget> {
  const { startImageTarget } = await import('../containers/image-target.ts');
  const { database, ...image } = run;
  const logFile = containerLogFile(reportDir);
  if (!database) return startImageTarget({ ...image, logFile, signal });

  const { startHostDatabase } = await import('../containers/host-database.ts');
  const db = await startHostDatabase();
  try {
    const target = await startImageTarget({
      ...image,
      env: { ...image.env, DATABASE_URL: db.containerUrl },
      networkMode: db.networkMode,
      logFile,
      signal,
    });
    let closing: Promise<void> | undefined;
    return {
      ...target,
      close() {
        closing ??= target.close().finally(() => db.stop());
        return closing;
      },
    };
  } catch (error) {
    await db.stop();
    throw error;
  }
}
