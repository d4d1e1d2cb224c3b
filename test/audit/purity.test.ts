import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/run-cli.js';

const CORE = path.join(REPO, 'src/audit');
const IO_MODULES = [
  'node:fs',
  'fs',
  'chalk',
  'commander',
  'music-metadata',
  'csv-parse',
  'fast-glob',
  'cli-progress',
];

describe('the audit core', () => {
  const files = readdirSync(CORE).filter((f) => f.endsWith('.ts'));

  it.each(files)('%s imports no file system, terminal or parser module', (file) => {
    const source = readFileSync(path.join(CORE, file), 'utf8');
    const imported = [...source.matchAll(/^import[^;]*?from '([^']+)'/gms)].map((m) => m[1]);
    expect(
      imported.filter((name) => IO_MODULES.some((io) => name === io || name!.startsWith(`${io}/`))),
    ).toEqual([]);
    expect(imported.filter((name) => name!.startsWith('../cli/') || name!.startsWith('../archive/'))).toEqual(
      [],
    );
  });
});
