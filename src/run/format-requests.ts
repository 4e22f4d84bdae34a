import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const require = createRequire(import.meta.url);
// cucumber-js's own parser of "name:path" (paths with drive letters, quoted paths): --format means
// here exactly what it means to cucumber-js.
const { splitFormatDescriptor } = require('@cucumber/cucumber/lib/configuration/split_format_descriptor') as {
  splitFormatDescriptor: (option: string) => string[];
};

/** What --format asked for: report files (path → formatter) and the formatter of the progress stream. */
export interface FormatRequest {
  files: Record<string, string>;
  /** The last formatter given without a file: it replaces the progress display. */
  stdout?: string;
}

/** Reads cucumber-js --format values; relative files are resolved against `cwd`. */
export function formatRequests(descriptors: readonly string[], cwd: string): FormatRequest {
  const request: FormatRequest = { files: {} };
  for (const descriptor of descriptors) {
    let parts: string[];
    try {
      parts = splitFormatDescriptor(descriptor);
    } catch (error) {
      throw new Error(`--format "${descriptor}": ${(error as Error).message}`);
    }
    const [name, file] = parts;
    if (!name)
      throw new Error(`--format "${descriptor}": expected a formatter name, e.g. json:reports/out.json`);
    if (file) request.files[resolve(cwd, file)] = name;
    else request.stdout = name;
  }
  return request;
}
