import { randomBytes } from 'node:crypto';

/**
 * A name beside `target` for the file that is renamed over it once complete: unique to this run
 * (process and random part), so it never names a file someone else put there. Open it with `wx`.
 */
export function temporaryNameFor(target: string): string {
  return `${target}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
}
