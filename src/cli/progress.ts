import cliProgress from 'cli-progress';

/** What the audit reports while it runs; every method is cheap to call per file or row. */
export interface Progress {
  /** `done` of `total` recordings probed. */
  scan(done: number, total: number): void;
  /** Call-log rows read so far, over all files. */
  rows(count: number): void;
  /** Removes the bar and prints the one-line summary. */
  finish(summary: string): void;
  /** Removes the bar without a summary (an error or Ctrl-C follows). */
  stop(): void;
}

export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): boolean;
}

/**
 * A bar on a terminal only: never when stderr is a pipe or a file, or when `CI` is set (logs
 * of CI systems fill up with redraws), or with --no-progress. Without a bar only the summary
 * line is written. Goes to stderr, so stdout stays clean for --json.
 */
export function shouldShowBar(wanted: boolean, stream: ProgressStream, env: NodeJS.ProcessEnv): boolean {
  return wanted && stream.isTTY === true && !env.CI;
}

export function createProgress(showBar: boolean, stream: ProgressStream = process.stderr): Progress {
  if (!showBar) {
    return {
      scan: () => {},
      rows: () => {},
      finish: (summary) => void stream.write(`${summary}\n`),
      stop: () => {},
    };
  }
  const bars = new cliProgress.MultiBar(
    {
      stream: stream as NodeJS.WriteStream,
      clearOnComplete: true,
      hideCursor: true,
      // Redraws cost; ten a second is smooth enough for a human.
      fps: 10,
      etaBuffer: 2000,
      format: '{label} [{bar}] {percentage}% | {value}/{total} | {speed} | ETA {eta_formatted}',
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  const speed = (count: number) => `${Math.round(count / Math.max(0.001, (Date.now() - started) / 1000))}/s`;
  let scanBar: cliProgress.SingleBar | null = null;
  let rowsBar: cliProgress.SingleBar | null = null;
  const end = () => bars.stop();
  return {
    scan(done, total) {
      scanBar ??= bars.create(total, 0, { label: 'recordings', speed: '' });
      scanBar.update(done, { speed: `${speed(done)} files` });
    },
    rows(count) {
      rowsBar ??= bars.create(0, 0, { label: 'call-log rows' }, { format: '{label} {value} | {speed}' });
      rowsBar.update(count, { speed: `${speed(count)} rows` });
    },
    finish(summary) {
      end();
      stream.write(`${summary}\n`);
    },
    stop: end,
  };
}
