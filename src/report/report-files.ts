import { resolve } from 'node:path';

/** Where a run writes its reports: one directory, fixed file names. */
export interface ReportFiles {
  dir: string;
  /** cucumber's HTML report */
  html: string;
  /** cucumber's message stream, NDJSON: the record from which every other report can be rebuilt */
  messages: string;
  /** JUnit XML, from the summary (waived, not claimed and not run are skipped with their reason) */
  junit: string;
  /** the certification summary (JSON, sealed with SHA-256) */
  summary: string;
  /** the certification page: one self-contained HTML file (verdict, matrix, evidence, charts) */
  page: string;
}

export function reportFiles(dir: string): ReportFiles {
  const base = resolve(dir);
  return {
    dir: base,
    html: resolve(base, 'cucumber.html'),
    messages: resolve(base, 'cucumber.ndjson'),
    junit: resolve(base, 'junit.xml'),
    summary: resolve(base, 'certification.json'),
    page: resolve(base, 'certification.html'),
  };
}

/**
 * The `formats.files` map of a cucumber run configuration for these reports: the message stream only;
 * the HTML and JUnit reports are written from it and the summary afterwards (writeReports), so that they
 * carry the certification's verdicts. `extra`: formats the user asked for (`--format name:file`).
 */
export function cucumberFormatFiles(
  files: ReportFiles,
  extra: Record<string, string> = {},
): Record<string, string> {
  return { ...extra, [files.messages]: 'message' };
}
