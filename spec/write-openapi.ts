import { writeFileSync } from 'node:fs';
import { adapterContractModule, adapterContractTypes } from './adapter-contract.ts';
import { buildOpenApi } from './openapi.ts';

/**
 * Writes what is generated from the schemas in code: spec/openapi.json and the adapter kit's
 * adapter/contract.js. A test fails when either committed file drifts.
 */
const openapi = new URL('./openapi.json', import.meta.url);
writeFileSync(openapi, `${JSON.stringify(buildOpenApi(), null, 2)}\n`);
console.log(`wrote ${openapi.pathname}`);
for (const [file, text] of [
  ['../adapter/contract.js', adapterContractModule()],
  ['../adapter/contract.d.ts', adapterContractTypes()],
] as const) {
  const kit = new URL(file, import.meta.url);
  writeFileSync(kit, text);
  console.log(`wrote ${kit.pathname}`);
}
