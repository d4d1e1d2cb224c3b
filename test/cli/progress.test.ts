import { describe, expect, it } from 'vitest';
import { createProgress, shouldShowBar } from '../../src/cli/progress.js';

describe('progress', () => {
  it('shows a bar only on a terminal, without CI, unless --no-progress', () => {
    const tty = { isTTY: true, write: () => true };
    const pipe = { isTTY: false, write: () => true };
    expect(shouldShowBar(true, tty, {})).toBe(true);
    expect(shouldShowBar(false, tty, {})).toBe(false);
    expect(shouldShowBar(true, pipe, {})).toBe(false);
    expect(shouldShowBar(true, { write: () => true }, {})).toBe(false);
    expect(shouldShowBar(true, tty, { CI: 'true' })).toBe(false);
  });

  it('without a bar writes nothing but the final summary line', () => {
    const written: string[] = [];
    const progress = createProgress(false, { isTTY: false, write: (t) => (written.push(t), true) });
    for (let i = 1; i <= 1000; i++) progress.scan(i, 1000);
    progress.rows(5000);
    progress.finish('callaudit: 1000 recording(s)');
    expect(written).toEqual(['callaudit: 1000 recording(s)\n']);
  });
});
