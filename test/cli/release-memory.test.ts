import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { releaseMemory } from '../../src/cli/release-memory.js';

describe('releaseMemory', () => {
  it('runs a collection at once, without --expose-gc', async () => {
    // A WeakRef's target lives at least until the current job ends, so drop it a turn later.
    const ref = new WeakRef({ payload: 'x'.repeat(1000) });
    await nextTurn();
    releaseMemory();
    expect(ref.deref()).toBeUndefined();
  });
});
