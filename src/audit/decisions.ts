import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import { CallauditError } from '../errors.js';
import { CATEGORY_CODES } from '../policy/pack-schema.js';
import type { Category } from './types.js';

export const DECISION_KINDS = ['keep', 'delete'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** The columns of a decisions file, in the order `callaudit review` writes them. */
export const DECISION_COLUMNS = [
  'call_id',
  'path',
  'decision',
  'category',
  'reason',
  'reviewer',
  'decided_at',
  'evidence',
  'recording_sha256',
] as const;

/** One human decision on a review finding; the decisions file is the trail, so rows are never rewritten. */
export interface Decision {
  /** `file:line` (CSV) or `file#index` (JSON). */
  id: string;
  callId: string | null;
  /** Path relative to the archive root, forward slashes; when given, it alone names the recording. */
  path: string | null;
  decision: DecisionKind;
  /** The category the recording is kept for (keep only): its retention period applies. */
  category: Category | null;
  reason: string;
  reviewer: string;
  decidedAt: string;
  evidence: string | null;
  /** When given, the decision holds only for these exact bytes. */
  recordingSha256: string | null;
}

type RawDecision = Partial<Record<(typeof DECISION_COLUMNS)[number], unknown>>;

const HINT = `each decision needs call_id or path, decision (keep|delete; keep with a category), reason, reviewer and decided_at (ISO date); evidence and recording_sha256 are optional`;

function fail(where: string, message: string): never {
  throw new CallauditError('DECISIONS_INVALID', message, HINT, where);
}

function text(raw: RawDecision, key: keyof RawDecision): string {
  const value = raw[key];
  return value === undefined || value === null ? '' : String(value).trim();
}

/** A row without a decision is an open item of a to-do file (`callaudit review`): not a decision yet. */
function toDecision(raw: RawDecision, id: string): Decision | null {
  const decision = text(raw, 'decision').toLowerCase();
  if (decision === '') return null;
  if (!(DECISION_KINDS as readonly string[]).includes(decision))
    fail(id, `decision "${decision}" is neither keep nor delete`);
  const callId = text(raw, 'call_id');
  const path = text(raw, 'path').replace(/\\/g, '/');
  if (callId === '' && path === '') fail(id, 'the decision names neither call_id nor path');
  for (const key of ['reason', 'reviewer', 'decided_at'] as const)
    if (text(raw, key) === '') fail(id, `the decision has no ${key}`);
  const decidedAt = text(raw, 'decided_at');
  if (!DateTime.fromISO(decidedAt).isValid) fail(id, `decided_at "${decidedAt}" is not an ISO 8601 date`);
  const category = text(raw, 'category');
  if (decision === 'keep' && category === '')
    fail(id, 'a keep decision needs the category the recording is kept for (e.g. order)');
  if (category !== '' && !(CATEGORY_CODES as readonly string[]).includes(category))
    fail(id, `unknown category "${category}"`);
  const sha = text(raw, 'recording_sha256').toLowerCase();
  if (sha !== '' && !/^[0-9a-f]{64}$/.test(sha))
    fail(id, `recording_sha256 "${sha}" is not a SHA-256 in hex (64 characters)`);
  return {
    id,
    callId: callId === '' ? null : callId,
    path: path === '' ? null : path,
    decision: decision as DecisionKind,
    category: category === '' ? null : (category as Category),
    reason: text(raw, 'reason'),
    reviewer: text(raw, 'reviewer'),
    decidedAt,
    evidence: text(raw, 'evidence') || null,
    recordingSha256: sha === '' ? null : sha,
  };
}

/** Spreadsheets in Slovenia save CSV with `;`: the header line says which. */
function delimiterOf(body: string): string {
  const header = body.split(/\r?\n/, 1)[0] ?? '';
  return header.includes(';') && !header.includes(',') ? ';' : ',';
}

/** Reads a decisions file: CSV with a header naming the columns (others ignored), or a JSON array. */
export function parseDecisions(content: string, file: string): Decision[] {
  const body = content.replace(/^\uFEFF/, '');
  if (/^\s*\[/.test(body)) {
    let rows: unknown;
    try {
      rows = JSON.parse(body);
    } catch (error) {
      fail(file, `not valid JSON (${(error as Error).message})`);
    }
    if (!Array.isArray(rows)) fail(file, 'a JSON decisions file must be an array of objects');
    return rows.flatMap((row, index) => {
      if (typeof row !== 'object' || row === null)
        fail(`${file}#${index}`, 'each decision must be an object');
      return toDecision(row as RawDecision, `${file}#${index}`) ?? [];
    });
  }
  let records: string[][];
  try {
    records = parse(body, { skip_empty_lines: true, trim: true, delimiter: delimiterOf(body) });
  } catch (error) {
    fail(file, `cannot parse the decisions CSV (${(error as Error).message})`);
  }
  const header = (records[0] ?? []).map((h) => h.toLowerCase());
  const missing = ['decision', 'reason', 'reviewer', 'decided_at'].filter((c) => !header.includes(c));
  if (!header.includes('call_id') && !header.includes('path')) missing.unshift('call_id or path');
  if (missing.length > 0)
    fail(`${file}:1`, `the header lacks ${missing.join(', ')} (found: ${header.join(', ') || 'nothing'})`);
  return records.slice(1).flatMap((cells, index) => {
    const raw: Record<string, unknown> = {};
    header.forEach((name, column) => (raw[name] = cells[column]));
    return toDecision(raw as RawDecision, `${file}:${index + 2}`) ?? [];
  });
}

export interface DecisionSubject {
  callId: string | null;
  path: string;
}

const callKey = (callId: string) => callId.trim().toLowerCase();

/**
 * The decisions indexed by call ID and by path. A later row overrides an earlier one for the same
 * recording: the file is appended to, never rewritten, so a changed mind is a new row.
 */
export class DecisionBook {
  private readonly byCall = new Map<string, number>();
  private readonly byPath = new Map<string, number>();

  constructor(readonly list: readonly Decision[]) {
    // A path names one recording; a call ID alone names every recording of the call.
    list.forEach((d, index) => {
      if (d.path !== null) this.byPath.set(d.path, index);
      else if (d.callId !== null) this.byCall.set(callKey(d.callId), index);
    });
  }

  /** The latest decision naming the recording's call ID or path, or null. */
  find(subject: DecisionSubject): Decision | null {
    const byCall = subject.callId === null ? undefined : this.byCall.get(callKey(subject.callId));
    const byPath = this.byPath.get(subject.path);
    const index = Math.max(byCall ?? -1, byPath ?? -1);
    return index < 0 ? null : this.list[index]!;
  }

  /** Decisions that name no recording of the audit: a mistyped call ID or a moved file. */
  stale(subjects: readonly DecisionSubject[]): Decision[] {
    const callIds = new Set(subjects.flatMap((s) => (s.callId === null ? [] : [callKey(s.callId)])));
    const paths = new Set(subjects.map((s) => s.path));
    return this.list.filter(
      (d) =>
        !(d.callId !== null && callIds.has(callKey(d.callId))) && !(d.path !== null && paths.has(d.path)),
    );
  }
}

/** The key of a recording in the map of hashes the audit computed for decisions that carry one. */
export const fileKey = (root: string, path: string) => `${root}\u0000${path}`;

/** What the rules see: the decision for the recording and whether its bytes still match. */
export interface DecisionMatch {
  decision: Decision;
  /** `changed`: the decision carries a hash and the file's bytes differ; it is void. */
  bytes: 'unchecked' | 'same' | 'changed';
}

export function matchDecision(
  book: DecisionBook | undefined,
  hashes: ReadonlyMap<string, string> | undefined,
  recording: { root: string; path: string; callId: string | null },
): DecisionMatch | null {
  if (!book) return null;
  const decision = book.find(recording);
  if (!decision) return null;
  if (decision.recordingSha256 === null) return { decision, bytes: 'unchecked' };
  const actual = hashes?.get(fileKey(recording.root, recording.path));
  return { decision, bytes: actual === decision.recordingSha256 ? 'same' : 'changed' };
}

/** "keep (order) by Ana Novak on 2026-11-02: listened 00:45–01:30 — customer ordered" */
export function describeDecision(d: Decision): string {
  const what = d.category ? `${d.decision} (${d.category})` : d.decision;
  return `${what} by ${d.reviewer} on ${d.decidedAt}: "${d.reason}"${d.evidence ? ` (evidence: ${d.evidence})` : ''}; ${d.id}`;
}
