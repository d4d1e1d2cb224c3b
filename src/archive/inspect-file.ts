import { lstatSync } from 'node:fs';
import { probeAudio, type ProbeResult } from './probe.js';
import { sameIdentity, type FileIdentity } from './probe-cache.js';

/** What one file's inspection found; plain data, so it crosses a worker-thread boundary. */
export type Inspection =
  | { kind: 'unstatable'; message: string }
  | { kind: 'cached'; identity: FileIdentity }
  | { kind: 'probed'; identity: FileIdentity; probe: ProbeResult };

/** What reads a file's format and duration; tests count its calls through this seam. */
export type Prober = typeof probeAudio;

export interface InspectJob {
  absPath: string;
  /** The identity of the file when its cached probe was made; null when nothing is cached. */
  cached: FileIdentity | null;
}

/**
 * Stats one file and probes it unless the cached probe still describes it. Never throws: a file
 * that cannot be stat-ed comes back as `unstatable`, any other trouble as a probe problem.
 */
export async function inspectFile(
  job: InspectJob,
  skipFastReaders: boolean,
  probe: Prober = probeAudio,
): Promise<Inspection> {
  let identity: FileIdentity;
  try {
    // Synchronous on purpose: this usually runs in a worker thread, where the promise version's
    // thread-pool round trip cost more than the metadata lookup itself (docs/performance.md).
    const stats = lstatSync(job.absPath);
    identity = { size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino };
  } catch (error) {
    return { kind: 'unstatable', message: (error as Error).message };
  }
  const { cached } = job;
  if (cached !== null && sameIdentity(cached, identity)) return { kind: 'cached', identity };
  return { kind: 'probed', identity, probe: await probe(job.absPath, identity.size, { skipFastReaders }) };
}
