import { randomUUID } from 'node:crypto';
import { Journal, type JournalHeader, type JournalState } from './journal.js';
import { pathSha256, sha256Text, type LogEntry, type S3LogRecord, type UnsealedEntry } from './log-entry.js';
import { DeletionLogWriter } from './log-writer.js';
import type { ManifestRow } from './manifest.js';
import type { PurgeInputs } from './purge-inputs.js';
import type { FaultPoint, RowResult } from './purge-types.js';
import type { Skip } from './skip-reasons.js';

const RECOVERED = 'completed after an interrupted run';

/**
 * The deletion log and the crash journal of one --execute run: each row's outcome is appended
 * to the hash-chained log, then marked done in the journal, so a crash between the two is
 * finished by --resume and never logged twice.
 */
export class PurgeSession {
  readonly state: JournalState;
  /** This session's lines already in the log, by manifest line (a path may appear under two roots). */
  readonly loggedThisSession = new Map<number, LogEntry>();

  private constructor(
    private readonly inputs: PurgeInputs,
    readonly log: DeletionLogWriter,
    readonly journal: Journal,
    readonly header: JournalHeader,
    private readonly now: () => string,
    private readonly fault: (point: FaultPoint, rowIndex: number) => void,
  ) {
    this.state = inputs.resumed?.state ?? { header, intents: new Map(), done: new Set() };
    for (const entry of log.existing)
      if (entry.session === header.session && entry.manifest_line !== null)
        this.loggedThisSession.set(entry.manifest_line, entry);
  }

  /** Opens the log, then the journal (the interrupted run's, or a new one). */
  static open(
    inputs: PurgeInputs,
    now: () => string,
    fault: (point: FaultPoint, rowIndex: number) => void,
  ): PurgeSession {
    const log = DeletionLogWriter.open(inputs.realLog);
    const header: JournalHeader = inputs.resumed?.state.header ?? {
      journal: 1,
      session: randomUUID(),
      manifest_sha256: inputs.manifest.sha256,
      root: inputs.realRoot,
      mode: inputs.mode,
      quarantine: inputs.realQuarantine,
      operator: inputs.operator,
      started: inputs.startedAt,
    };
    let journal: Journal;
    try {
      journal = inputs.resumed?.journal ?? Journal.create(inputs.journalFile, header);
    } catch (error) {
      log.close();
      throw error;
    }
    return new PurgeSession(inputs, log, journal, header, now, fault);
  }

  skipped(
    index: number,
    row: ManifestRow,
    skip: Skip,
    size: number | null = null,
    s3?: S3LogRecord,
  ): RowResult {
    this.log.append({
      ...this.entryFor(row),
      action: 'skipped',
      skip,
      size,
      sha256: null,
      note: null,
      ...(s3 ? { s3 } : {}),
    });
    this.markDone(index);
    return { kind: 'skipped', row, skip };
  }

  /**
   * An S3 object deleted (or copied to the quarantine, then deleted): no hash of its bytes, its
   * versions and ETags in the S3 record instead.
   */
  actedS3(index: number, row: ManifestRow, s3: S3LogRecord): RowResult {
    this.log.append({
      ...this.entryFor(row),
      action: this.inputs.mode === 'delete' ? 'deleted' : 'quarantined',
      skip: null,
      size: row.size,
      sha256: null,
      note: null,
      s3,
    });
    this.markDone(index);
    return { kind: 'acted', row, size: row.size, sha256: null, recovered: false, s3 };
  }

  acted(index: number, row: ManifestRow, size: number, sha256: string, recovered: boolean): RowResult {
    this.log.append({
      ...this.entryFor(row),
      action: this.inputs.mode === 'delete' ? 'deleted' : 'quarantined',
      skip: null,
      size,
      sha256,
      note: recovered ? RECOVERED : null,
    });
    this.markDone(index);
    return { kind: 'acted', row, size, sha256, recovered };
  }

  /** After a crash or an error: both files closed, the journal kept for --resume. */
  abandon(): void {
    this.journal.close();
    this.log.close();
  }

  /** Every row done: the journal goes, the log is closed; its head and length for the report. */
  finish(): { head: string; lines: number } {
    this.journal.finish();
    this.log.close();
    return { head: this.log.headHash, lines: this.log.lineCount };
  }

  private markDone(index: number): void {
    this.fault('after-log', index);
    this.journal.done(index);
    this.fault('after-done', index);
  }

  private entryFor(
    row: ManifestRow,
  ): Omit<UnsealedEntry, 'action' | 'skip' | 'size' | 'sha256' | 'note' | 's3'> {
    const { instruction } = this.inputs;
    return {
      at: this.now(),
      session: this.header.session,
      operator: this.inputs.operator,
      mode: this.inputs.mode,
      instruction: {
        run_id: instruction.runId,
        manifest_sha256: instruction.manifestSha256,
        policy_id: instruction.policyId,
        policy_version: instruction.policyVersion,
      },
      manifest_line: row.line,
      call_id: row.callId,
      reason: row.reason,
      path_sha256: pathSha256(row.path),
      root_sha256: sha256Text(this.inputs.realRoot),
    };
  }
}
