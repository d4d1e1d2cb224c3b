import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/run-cli.js';

const TEST_DIR = path.join(REPO, 'test');
const files = readdirSync(TEST_DIR, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.ts') && f !== path.join('docs', 'skip-reasons.test.ts'));

/** Every conditional skip, with the text up to where its title must have said why. */
function skipsOf(text: string): string[] {
  return [...text.matchAll(/\.skipIf\(/g)].map((m) => text.slice(m.index, m.index + 400));
}

describe('every skipped test says why', () => {
  it('finds the conditional skips it checks', () => {
    expect(
      files.flatMap((f) => skipsOf(readFileSync(path.join(TEST_DIR, f), 'utf8'))).length,
    ).toBeGreaterThan(4);
  });

  it.each(files)('%s: each skipIf title names the missing thing; no unconditional skip', (file) => {
    const text = readFileSync(path.join(TEST_DIR, file), 'utf8');
    expect(text).not.toMatch(/\b(it|test|describe)\.skip\(/);
    for (const skip of skipsOf(text)) expect(skip).toMatch(/orSkipped\(|\(skipped: /);
  });
});
