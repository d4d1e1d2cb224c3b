import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { secondsKeepingMs } from '../../src/remediation/file-actions.js';

describe('secondsKeepingMs', () => {
  it('gives float seconds that stay in the same millisecond as the nanosecond time', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 4_000_000_000_000_000_000n }), (ns) => {
        const seconds = secondsKeepingMs(ns);
        // libuv turns the float into seconds + nanoseconds the same way.
        const whole = Math.floor(seconds);
        const nanos = BigInt(Math.floor((seconds - whole) * 1e9));
        const back = BigInt(whole) * 1_000_000_000n + nanos;
        expect(back / 1_000_000n).toBe(ns / 1_000_000n);
      }),
    );
  });

  it('keeps the boundary cases a plain division gets wrong', () => {
    for (const ns of [1796679003840000000n, 1796679003839999999n, 1796679003840000001n])
      expect(Math.floor(secondsKeepingMs(ns) * 1000)).toBe(Number(ns / 1_000_000n));
  });
});
