import { locatedRecords, type LocatedRecord } from './csv-records.js';
import { jsonRowsOf } from './json-rows.js';
import { DateTime } from 'luxon';
import { DECISION_KINDS, type Decision, type DecisionKind } from '../audit/decisions.js';
import type { Category } from '../audit/types.js';
import { CallauditError } from '../errors.js';
import { CATEGORY_CODES } from './pack-schema.js';

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
  const jsonRows = jsonRowsOf(body, file, 'decision', fail);
  if (jsonRows) return jsonRows.flatMap(({ row, where }) => toDecision(row as RawDecision, where) ?? []);
  let records: LocatedRecord[];
  try {
    records = locatedRecords(body, { trim: true, delimiter: delimiterOf(body) });
  } catch (error) {
    fail(file, `cannot parse the decisions CSV (${(error as Error).message})`);
  }
  const header = (records[0]?.cells ?? []).map((h) => h.toLowerCase());
  const missing = ['decision', 'reason', 'reviewer', 'decided_at'].filter((c) => !header.includes(c));
  if (!header.includes('call_id') && !header.includes('path')) missing.unshift('call_id or path');
  if (missing.length > 0)
    fail(
      `${file}:${records[0]?.line ?? 1}`,
      `the header lacks ${missing.join(', ')} (found: ${header.join(', ') || 'nothing'})`,
    );
  return records.slice(1).flatMap(({ cells, line }) => {
    const raw: Record<string, unknown> = {};
    header.forEach((name, column) => (raw[name] = cells[column]));
    return toDecision(raw as RawDecision, `${file}:${line}`) ?? [];
  });
}
