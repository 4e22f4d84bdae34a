import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const loadLib = new URL('../../load/lib/flow.ts', import.meta.url).href;

/**
 * The module k6 runs for `vcert load SCRIPT --adapter FILE`: it imports the vendor's transport-free
 * adapter, installs it (load/lib/flow.ts) so that every contract call of the script runs the adapter's
 * flow, and re-exports the script (its options, setup, scenarios, teardown, handleSummary). Written into
 * the run's output directory; returns its path.
 */
export function writeFlowEntry(outDir: string, script: string, adapter: string): string {
  const entry = join(outDir, 'k6-entry.js');
  writeFileSync(
    entry,
    `// Written by vcert load: ${script} through the transport-free adapter ${adapter}.
import adapter from ${JSON.stringify(pathToFileURL(adapter).href)};
import { installFlow } from ${JSON.stringify(loadLib)};
export * from ${JSON.stringify(pathToFileURL(script).href)};
installFlow(adapter);
`,
  );
  return entry;
}
