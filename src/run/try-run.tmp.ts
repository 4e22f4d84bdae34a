import { writeFileSync } from 'node:fs';
import { loadConfiguration, runCucumber } from '@cucumber/cucumber/api';
import { startReferenceServer } from '../../test/support/reference-server.ts';

const server = await startReferenceServer();
const t0 = Date.now();
const { runConfiguration } = await loadConfiguration(
  { file: 'cucumber.mjs', provided: { parallel: Number(process.argv[2] ?? 0) } },
  { cwd: '/work/main' },
);
runConfiguration.runtime.worldParameters = { target: server.url };
runConfiguration.formats = { stdout: 'summary', files: {}, publish: false, options: {} };
const env: unknown[] = [];
const res = await runCucumber(runConfiguration, { cwd: '/work/main' }, (e) => env.push(e));
console.log(res.success, Date.now() - t0, 'ms');
writeFileSync('/tmp/envelopes.ndjson', env.map((e) => JSON.stringify(e)).join('\n'));
await server.close();
