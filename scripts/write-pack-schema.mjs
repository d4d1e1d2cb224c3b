// Regenerates schema/policy-pack.schema.json from the zod schema (run after `npm run build`).
import { mkdirSync, writeFileSync } from 'node:fs';
import { PACK_SCHEMA_FILE, policyPackJsonSchema } from '../dist/policy/pack-json-schema.js';

mkdirSync('schema', { recursive: true });
writeFileSync(PACK_SCHEMA_FILE, `${JSON.stringify(policyPackJsonSchema(), null, 2)}\n`);
console.log(`wrote ${PACK_SCHEMA_FILE}`);
