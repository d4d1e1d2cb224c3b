import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null | undefined;

/**
 * Runs a full garbage collection between two phases of an audit, where most of what the last
 * phase allocated (the probe cache, the scan's working lists, judging's temporaries) has just
 * become garbage. V8 would let the heap grow to about twice the live data before collecting it
 * on its own; collecting here keeps resident memory much closer to the live data (figures in
 * docs/performance.md), and one full collection at this size takes a fraction of a second.
 *
 * Node offers no collector call without `--expose-gc`; the flag can be set at run time, and
 * the function is then found in a fresh context. Where that fails, nothing is done.
 */
export function releaseMemory(): void {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    } catch {
      collect = null;
    }
  }
  collect?.();
}
