// Converts a CustomResourceDefinition (YAML) into the JSON schemas kubeconform reads with
// `-schema-location DIR/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json`, as kubeconform's own
// scripts/openapi2jsonschema.py does: each version's openAPIV3Schema, with `additionalProperties: false`
// on every object below the root that lists its properties (kubectl's behaviour), `int-or-string`
// formats as oneOf string/integer. Descriptions are left out (they validate nothing).
// Usage: node scripts/crd-to-json-schema.ts CRD.yaml OUT_DIR
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

type Schema = Record<string, unknown>;

function convert(node: unknown, root: boolean): unknown {
  if (Array.isArray(node)) return node.map((item) => convert(item, false));
  if (node === null || typeof node !== 'object') return node;
  const schema = node as Schema;
  if (schema.format === 'int-or-string') return { oneOf: [{ type: 'string' }, { type: 'integer' }] };
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'description' && typeof value === 'string') continue;
    if (key === 'properties' && value && typeof value === 'object') {
      // Property names are names, not keywords: a property called "description" stays.
      out.properties = Object.fromEntries(
        Object.entries(value as Schema).map(([name, property]) => [name, convert(property, false)]),
      );
    } else out[key] = convert(value, false);
  }
  if (!root && 'properties' in out && !('additionalProperties' in out)) out.additionalProperties = false;
  return out;
}

const [crdFile, outDir] = process.argv.slice(2);
if (!crdFile || !outDir) {
  console.error('usage: node scripts/crd-to-json-schema.ts CRD.yaml OUT_DIR');
  process.exit(2);
}
for (const document of parseAllDocuments(readFileSync(crdFile, 'utf8'))) {
  const crd = document.toJS() as {
    kind?: string;
    spec?: {
      names: { kind: string };
      versions?: Array<{ name: string; schema?: { openAPIV3Schema?: Schema } }>;
    };
  };
  if (crd?.kind !== 'CustomResourceDefinition' || !crd.spec) continue;
  for (const version of crd.spec.versions ?? []) {
    const schema = version.schema?.openAPIV3Schema;
    if (!schema) continue;
    const file = join(outDir, `${crd.spec.names.kind}_${version.name}.json`.toLowerCase());
    writeFileSync(file, `${JSON.stringify(convert(schema, true))}\n`);
    console.log(`JSON schema written to ${file}`);
  }
}
