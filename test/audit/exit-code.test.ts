import { describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../src/cli/exit-code.js';

const summary = (violation: number, review: number) => ({
  recordings: violation + review,
  compliant: 0,
  violation,
  review,
  hold: 0,
  byReason: {},
});

describe('exit code for CI', () => {
  it.each([
    [summary(0, 0), 'violation', 0],
    [summary(1, 0), 'violation', 1],
    [summary(0, 3), 'violation', 0],
    [summary(0, 3), 'review', 1],
    [summary(2, 3), 'never', 0],
  ] as const)('%j with --fail-on %s → %i', (s, failOn, code) => {
    expect(exitCodeFor(s, failOn)).toBe(code);
  });
});
