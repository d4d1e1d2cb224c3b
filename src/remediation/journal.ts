import { closeSync, fsyncSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { CallauditError } from '../errors.js';

/** What a run is doing, fixed in the journal's first line; --resume must match it. */
export interface JournalHeader {
  journal: 1;
  session: string;
  manifest_sha256: string;
  root: string;
  mode: 'delete' | 'quarantine';
  quarantine: string | null;
  operator: string;
  started: string;
}

/** Written (and fsync'd) just before the action; carries what the log line will need. */
export interface IntentRecord {
  row: number;
  state: 'intent';
  size: number;
  sha256: string;
}

interface DoneRecord {
  row: number;
  state: 'done';
}

type JournalRecord = IntentRecord | DoneRecord;

export interface JournalState {
  header: JournalHeader;
  intents: Map<number, IntentRecord>;
  done: Set<number>;
}

export const journalPathFor = (logFile: string): string => `${logFile}.journal`;

/**
 * The crash journal next to the deletion log. Per row: `intent` (fsync) → action → log line
 * (fsync) → `done` (fsync). A row is done only after its action succeeded and its log line is
 * on disk. Created exclusively, so two purges cannot share one log; removed when a run ends.
 */
export class Journal {
  private constructor(
    readonly file: string,
    private fd: number,
  ) {}

  static create(file: string, header: JournalHeader): Journal {
    let fd: number;
    try {
      fd = openSync(file, 'wx', 0o640);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw journalExists(file);
      throw error;
    }
    const journal = new Journal(file, fd);
    journal.write(header);
    return journal;
  }

  /** Reopens an interrupted run's journal for --resume. A torn last line (crash mid-write) is ignored. */
  static resume(file: string): { journal: Journal; state: JournalState } {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new CallauditError(
        'NOTHING_TO_RESUME',
        'there is no interrupted run to resume (no journal next to the log)',
        'run without --resume',
        file,
      );
    }
    // The last element is '' after a final newline, or a torn record: either way not a record.
    const complete = text.split('\n').slice(0, -1);
    const parsed = complete.map((line, index) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new CallauditError(
          'JOURNAL_INVALID',
          `line ${index + 1} of the journal is not JSON`,
          undefined,
          file,
        );
      }
    });
    const header = parsed[0] as unknown as JournalHeader | undefined;
    if (!header || header.journal !== 1)
      throw new CallauditError('JOURNAL_INVALID', 'the journal has no header', undefined, file);
    const state: JournalState = { header, intents: new Map(), done: new Set() };
    for (const record of parsed.slice(1) as unknown as JournalRecord[]) {
      if (record.state === 'intent') state.intents.set(record.row, record);
      else if (record.state === 'done') state.done.add(record.row);
    }
    // Append after a newline so a torn last line cannot merge with the next record.
    const fd = openSync(file, 'a');
    const journal = new Journal(file, fd);
    if (!text.endsWith('\n') && text !== '') journal.writeRaw('\n');
    return { journal, state };
  }

  intent(record: Omit<IntentRecord, 'state'>): void {
    this.write({ row: record.row, state: 'intent', size: record.size, sha256: record.sha256 });
  }

  done(row: number): void {
    this.write({ row, state: 'done' });
  }

  /** The run finished: every row is in the log, so the journal has nothing left to say. */
  finish(): void {
    closeSync(this.fd);
    rmSync(this.file);
  }

  /** The run stopped with an error: keep the journal for --resume. */
  close(): void {
    closeSync(this.fd);
  }

  private write(record: object): void {
    this.writeRaw(`${JSON.stringify(record)}\n`);
  }

  private writeRaw(text: string): void {
    const buffer = Buffer.from(text, 'utf8');
    let written = 0;
    while (written < buffer.length) written += writeSync(this.fd, buffer, written);
    fsyncSync(this.fd);
  }
}

function journalExists(file: string): CallauditError {
  return new CallauditError(
    'RUN_INTERRUPTED',
    'an earlier purge with this log did not finish (or is still running): its journal exists',
    'run the same command again with --resume to finish it; nothing was touched now',
    file,
  );
}
