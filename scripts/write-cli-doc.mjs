#!/usr/bin/env node
// Writes docs/cli.md from the built options model (run `npm run build` first, or `npm run docs`).
// test/options/generated-files.test.ts fails when the file is out of date.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderCliDoc } from '../dist/options/cli-doc.js';

const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'cli.md');
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, renderCliDoc());
console.log(`wrote ${target}`);
