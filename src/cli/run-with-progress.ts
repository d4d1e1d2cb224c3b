import chalk from 'chalk';
import type { UnnamedResult } from '../audit/result.js';
import type { AuditPlan } from '../config/settings.js';
import { runAudit } from '../run-audit.js';
import type { ScanStats } from '../archive/scan-with-cache.js';
import type { CommandIo } from './audit-command.js';
import { listenForInterrupt } from './interrupt.js';
import { createProgress, shouldShowBar } from './progress.js';
import { releaseMemory } from './release-memory.js';
import { phaseDone } from './timing.js';

/** Runs the audit with a progress bar (on a terminal), Ctrl-C handling and a summary line. */
export async function runWithProgress(
  plan: AuditPlan,
  wantBar: boolean,
  io: CommandIo,
): Promise<UnnamedResult> {
  const showBar = shouldShowBar(wantBar, process.stderr, process.env);
  const progress = createProgress(
    showBar,
    showBar ? process.stderr : { write: (text) => (io.stderr(text), true) },
  );
  const interrupt = listenForInterrupt(() =>
    io.stderr(
      '\nstopping: finishing the files being read and saving the cache (Ctrl-C again to quit at once)\n',
    ),
  );
  const started = Date.now();
  let stats: ScanStats | null = null;
  let rows = 0;
  try {
    const result = await runAudit(plan, {
      warn: (message) => io.stderr(`${chalk.yellow('warning')} ${message}\n`),
      signal: interrupt.signal,
      onScanProgress: (done, total) => progress.scan(done, total),
      onRows: (count) => {
        rows = count;
        progress.rows(count);
      },
      onScanStats: (s) => {
        stats = s;
      },
      onPhaseDone: (phase, garbage) => {
        if (garbage) releaseMemory();
        phaseDone(phase);
      },
    });
    progress.finish(summaryLine(stats, rows, (Date.now() - started) / 1000));
    return result;
  } catch (error) {
    progress.stop();
    throw error;
  } finally {
    interrupt.dispose();
  }
}

function summaryLine(stats: ScanStats | null, rows: number, seconds: number): string {
  const recordings = stats?.recordings ?? 0;
  const cached = stats && stats.fromCache > 0 ? ` (${stats.fromCache} from the cache)` : '';
  return `callaudit: ${recordings} recording(s)${cached} and ${rows} call-log row(s) read in ${seconds.toFixed(1)} s`;
}
