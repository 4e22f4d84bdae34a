import { writeFileSync } from 'node:fs';
import { buildOpenApi } from './openapi.ts';

/** Writes spec/openapi.json from the schemas in code. A test fails when the committed file drifts. */
const target = new URL('./openapi.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(buildOpenApi(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
