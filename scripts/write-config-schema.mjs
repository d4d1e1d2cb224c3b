#!/usr/bin/env node
// Writes schema/callaudit.config.schema.json from the built zod schema (run `npm run build` first,
// or `npm run schema`). test/config/json-schema.test.ts fails when the file is out of date.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configJsonSchemaText } from '../dist/config/json-schema.js';

const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'schema', 'callaudit.config.schema.json');
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, configJsonSchemaText());
console.log(`wrote ${target}`);
