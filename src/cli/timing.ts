// Phase timings for profiling on real archives: CALLAUDIT_TIMING=1 prints, on stderr, how long
// each phase took and the process's resident memory after it. Off by default; no output changes.
const enabled = process.env['CALLAUDIT_TIMING'] === '1';
let last = performance.now();

/** Marks the end of a phase. */
export function phaseDone(name: string): void {
  if (!enabled) return;
  const now = performance.now();
  const memory = process.memoryUsage();
  const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
  process.stderr.write(
    `timing ${name}: ${((now - last) / 1000).toFixed(2)} s, rss ${mb(memory.rss)} MB (peak so far ${Math.round(process.resourceUsage().maxRSS / 1024)} MB), heap ${mb(memory.heapUsed)}/${mb(memory.heapTotal)} MB, external ${mb(memory.external)} MB\n`,
  );
  last = now;
}
