import { readFileSync } from 'node:fs';

// src/ and dist/ sit at the same depth, so the same relative URL works from both.
const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  name: string;
  version: string;
};

export const TOOL = { name: manifest.name, version: manifest.version };
