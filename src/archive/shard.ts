import { createHash } from 'node:crypto';
import { CallauditError } from '../errors.js';

/** Part `index` (1-based) of `count` parts of an archive. */
export interface Shard {
  index: number;
  count: number;
}

/** Parses `--shard i/n`, e.g. `2/4`. */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || count > 10_000 || index < 1 || index > count) {
    throw new CallauditError(
      'BAD_FLAG',
      `--shard must look like i/n with 1 ≤ i ≤ n, not "${text}"`,
      'e.g. --shard 2/4 audits the second of four parts; run every part, then `callaudit merge`',
    );
  }
  return { index, count };
}

/**
 * Whether a file belongs to `shard`: a hash of its path relative to the archive root, so the
 * split is balanced, the same on every machine, and a file stays in its part as others come.
 */
export function inShard(relativePath: string, shard: Shard): boolean {
  if (shard.count === 1) return true;
  const digest = createHash('sha1').update(relativePath).digest();
  return (digest.readUInt32BE(0) % shard.count) + 1 === shard.index;
}
