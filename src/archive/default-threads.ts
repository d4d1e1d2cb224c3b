import { availableParallelism } from 'node:os';

/** More threads than this only add memory: probing is bound by system calls by then. */
const MAX_DEFAULT_THREADS = 8;

/**
 * Probe threads when --threads is not given: one per core, up to eight. In a module of its own so
 * that resolving the settings does not load the probe pool and its readers.
 */
export function defaultThreads(): number {
  return Math.max(1, Math.min(availableParallelism(), MAX_DEFAULT_THREADS));
}
