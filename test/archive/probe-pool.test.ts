import { copyFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rawGsm, wavPcm16 } from '../../scripts/audio-bytes.mjs';
import type { InspectJob, Inspection } from '../../src/archive/inspect-file.js';
import type { inspectFiles as InspectFiles } from '../../src/archive/probe-pool.js';
import { DEMO_RECORDINGS, tempDir } from './helpers.js';

// Worker threads run compiled JavaScript, so the pool is tested from dist/ (npm test builds
// it first); from the TypeScript sources it inspects on the calling thread.
// A computed specifier: the typecheck runs before dist/ is built.
const compiled = new URL('../../dist/archive/probe-pool.js', import.meta.url).href;
const { inspectFiles } = (await import(compiled)) as { inspectFiles: typeof InspectFiles };

/** Every inspection in job order; entries of jobs never started stay empty. */
async function inspectAll(
  jobs: InspectJob[],
  options: Parameters<typeof InspectFiles>[3],
): Promise<Array<Inspection | undefined>> {
  const results = new Array<Inspection | undefined>(jobs.length);
  await inspectFiles(
    jobs.length,
    (i) => jobs[i]!,
    (i, inspection) => (results[i] = inspection),
    options,
  );
  return results;
}

/** 900 files of every kind the probe tells apart: enough for several chunks per worker. */
function mixedArchive(): string[] {
  const dir = tempDir();
  const demo = readdirSync(join(DEMO_RECORDINGS, 'sales')).map((name) =>
    join(DEMO_RECORDINGS, 'sales', name),
  );
  const paths: string[] = [];
  for (let i = 0; i < 900; i++) {
    const kind = i % 6;
    let path: string;
    if (kind < 3 && demo[kind] && statSync(demo[kind]).isFile()) {
      path = join(dir, `${i}-${demo[kind].split('/').pop()}`);
      copyFileSync(demo[kind], path);
    } else if (kind === 3) {
      path = join(dir, `${i}.wav`);
      writeFileSync(path, wavPcm16({ seconds: 0.05 + (i % 7) / 100 }));
    } else if (kind === 4) {
      path = join(dir, `${i}.gsm`);
      writeFileSync(path, rawGsm(0.1 + (i % 3) / 50));
    } else {
      path = join(dir, `${i}.mp3`);
      writeFileSync(path, i % 2 ? '' : '<html>not audio</html>');
    }
    paths.push(path);
  }
  paths.push(join(dir, 'vanished.wav'));
  return paths;
}

const jobsOf = (paths: string[]): InspectJob[] => paths.map((absPath) => ({ absPath, cached: null }));

describe('probe pool', () => {
  it('answers in worker threads exactly as on the calling thread, in job order', async () => {
    const jobs = jobsOf(mixedArchive());
    let lastProgress = 0;
    const inWorkers = await inspectAll(jobs, {
      threads: 3,
      concurrency: 8,
      skipFastReaders: false,
      onProgress: (done: number) => (lastProgress = done),
    });
    const inThread = await inspectAll(jobs, { threads: 0, concurrency: 8, skipFastReaders: false });
    expect(inWorkers).toEqual(inThread);
    expect(lastProgress).toBe(jobs.length);
    const kinds = new Set(inWorkers.map((i) => i?.kind));
    expect(kinds).toEqual(new Set(['probed', 'unstatable']));
    const problems = new Set(
      inWorkers.flatMap((i) => (i?.kind === 'probed' ? i.probe.problems.map((p) => p.code) : [])),
    );
    expect(problems).toEqual(new Set(['EMPTY_FILE', 'UNDECODABLE']));
  });

  it('reports a file as cached only when size, modification time and inode all match', async () => {
    const paths = mixedArchive().slice(0, 600);
    const first = await inspectAll(jobsOf(paths), { threads: 2, concurrency: 8, skipFastReaders: false });
    const identities = first.map((i) => (i?.kind === 'probed' ? i.identity : null));
    const jobs = paths.map((absPath, n) => {
      const identity = identities[n]!;
      // Every third entry is stale by one millisecond.
      return { absPath, cached: n % 3 ? identity : { ...identity, mtimeMs: identity.mtimeMs - 1 } };
    });
    const again = await inspectAll(jobs, { threads: 2, concurrency: 8, skipFastReaders: false });
    expect(again.map((i) => i?.kind)).toEqual(paths.map((_, n) => (n % 3 ? 'cached' : 'probed')));
  });

  it('starts no new file once aborted and leaves those entries empty', async () => {
    const jobs = jobsOf(mixedArchive());
    const controller = new AbortController();
    const results = await inspectAll(jobs, {
      threads: 2,
      concurrency: 8,
      skipFastReaders: false,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    const answered = results.filter((r): r is Inspection => r !== undefined);
    expect(answered.length).toBeGreaterThan(0);
    expect(answered.length).toBeLessThan(jobs.length);
  });
});
