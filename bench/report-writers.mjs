// Times each report writer on a synthetic audit result (bench/synthetic-result.mjs), at each size
// in its own child process, and prints how each grows from the smallest size to the largest:
// wall and CPU time, time in garbage collection (major collections counted apart), peak RSS and
// the heap after writing. No archive is needed, so growth to 1,000,000 recordings can be checked
// in minutes. Usage: npm run build && node bench/report-writers.mjs [--sizes 100000,1000000]
//   [--formats json,html,csv,junit,manifest] [--compliant-share 0..1] [--out bench/results/<file>.json]
import { execFileSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PerformanceObserver, constants, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { parseArgs } from 'node:util';

const self = fileURLToPath(import.meta.url);
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100000,1000000' },
    formats: { type: 'string', default: 'json,html,csv,junit,manifest' },
    out: { type: 'string' },
    // e.g. 0: every finding a violation or review, so the HTML table lists every one
    'compliant-share': { type: 'string' },
    child: { type: 'boolean', default: false },
  },
});

const compliantShare =
  values['compliant-share'] === undefined ? undefined : Number(values['compliant-share']);
if (values.child) await child(Number(values.sizes), values.formats);
else parent();

async function child(count, format) {
  const { syntheticResult } = await import('./synthetic-result.mjs');
  const { writeReports, reportPath } = await import('../dist/cli/write-reports.js');
  const { withRunId } = await import('../dist/report/run-id.js');
  const { withManifestRecord } = await import('../dist/report/deletion-manifest.js');
  const unnamed = syntheticResult(count, compliantShare);
  // report.json names the run as it is written; every other writer is given a named result,
  // as it is in an audit that writes report.json first.
  const input = format === 'json' ? unnamed : withRunId(withManifestRecord(unnamed), 'f'.repeat(32));
  const outDir = path.join(os.tmpdir(), `callaudit-writers-${process.pid}`);
  mkdirSync(outDir, { recursive: true });
  const gc = { ms: 0, majorMs: 0, major: 0, minor: 0 };
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gc.ms += entry.duration;
      if (entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
        gc.major += 1;
        gc.majorMs += entry.duration;
      } else if (entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR) gc.minor += 1;
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  const rssBefore = process.memoryUsage().rss;
  const cpu = process.cpuUsage();
  const start = performance.now();
  writeReports(input, outDir, [format], { lang: 'en', redact: true });
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  await sleep(50); // let the observer deliver
  observer.disconnect();
  const bytes = statSync(reportPath(outDir, format)).size;
  rmSync(outDir, { recursive: true, force: true });
  const heap = getHeapStatistics();
  process.stdout.write(
    JSON.stringify({
      count,
      format,
      wallMs: Math.round(wallMs),
      cpuMs: Math.round((used.user + used.system) / 1000),
      gcMs: Math.round(gc.ms),
      majorGcMs: Math.round(gc.majorMs),
      majorGcs: gc.major,
      minorGcs: gc.minor,
      bytes,
      rssBeforeMB: Math.round(rssBefore / 2 ** 20),
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      heapUsedMB: Math.round(heap.used_heap_size / 2 ** 20),
    }),
  );
}

function parent() {
  const sizes = values.sizes.split(',').map(Number);
  const formats = values.formats.split(',');
  const load = () => os.loadavg()[0].toFixed(1);
  const rows = [];
  for (const format of formats) {
    for (const count of sizes) {
      const loadBefore = load();
      const out = execFileSync(
        process.execPath,
        [
          self,
          '--child',
          '--sizes',
          String(count),
          '--formats',
          format,
          ...(compliantShare === undefined ? [] : ['--compliant-share', String(compliantShare)]),
        ],
        { encoding: 'utf8', maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'inherit'] },
      );
      const row = { ...JSON.parse(out), load: loadBefore };
      rows.push(row);
      console.log(JSON.stringify(row));
    }
  }
  const [small, large] = [sizes[0], sizes.at(-1)];
  console.log(`\ngrowth ${small} → ${large} (${large / small}× the recordings):`);
  for (const format of formats) {
    const a = rows.find((r) => r.format === format && r.count === small);
    const b = rows.find((r) => r.format === format && r.count === large);
    console.log(
      `${format.padEnd(9)} wall ${(b.wallMs / a.wallMs).toFixed(1)}×  cpu ${(b.cpuMs / a.cpuMs).toFixed(1)}×  gc ${a.gcMs}→${b.gcMs} ms (major ${a.majorGcs}→${b.majorGcs})  peak RSS ${b.peakRssMB} MB`,
    );
  }
  if (values.out)
    writeFileSync(
      values.out,
      `${JSON.stringify({ date: new Date().toISOString(), node: process.version, rows }, null, 2)}\n`,
    );
}
