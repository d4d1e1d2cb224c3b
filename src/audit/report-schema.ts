import { z } from 'zod';

/**
 * The shape of a saved report.json as `render` and `--baseline` read it: every field a reporter
 * or the baseline comparison reads, with its type. Objects stay open (`looseObject`), so a report
 * with fields added by a later minor version still reads; a field of the wrong type does not.
 */
const text = z.string();
const nullableText = z.string().nullable();
const count = z.number().int().nonnegative();
const problem = z.looseObject({ code: text, message: text });

const verdict = z.enum(['compliant', 'violation', 'review', 'hold']);

const eventEvidence = z.looseObject({
  file: text,
  line: count,
  outcome: text,
  category: text,
  matchedBy: text,
  term: nullableText,
  at: nullableText,
  window: z.enum(['inside', 'before', 'after', 'unknown-time']).optional(),
});

const finding = z.looseObject({
  root: text,
  path: text,
  callId: nullableText,
  idSource: text,
  verdict,
  reason: text,
  /** Absent in reports written before messages: then `explanation` is shown as it is. */
  message: z.looseObject({ code: text, args: z.record(z.string(), z.unknown()) }).optional(),
  explanation: text.optional(),
  baseline: z.enum(['new', 'persisting']).optional(),
  categories: z.array(text),
  events: z.array(eventEvidence),
  legalBasis: z.array(text),
  size: count,
  mtime: text,
  format: nullableText,
  codec: nullableText,
  durationSec: z.number().nullable(),
  startedAt: nullableText,
  problems: z.array(problem),
  timeSource: nullableText.optional(),
  deleteBy: nullableText.optional(),
  holdIds: z.array(text).optional(),
  sha256: text.optional(),
});

const summary = z.looseObject({
  recordings: count,
  compliant: count,
  violation: count,
  review: count,
  hold: count,
  byReason: z.record(z.string(), count),
});

const inputs = z.looseObject({
  roots: z.array(
    z.looseObject({
      path: text,
      recordings: count,
      ignoredFiles: count,
      ignoredByExtension: z.record(z.string(), count),
    }),
  ),
  callLogs: z.array(
    z.looseObject({
      file: text,
      sha256: text,
      encoding: text,
      encodingDetected: z.boolean(),
      delimiter: text,
      format: text.optional(),
      source: text.optional(),
      rows: count,
      events: count,
      skippedRows: count,
      firstAt: nullableText,
      lastAt: nullableText,
      layout: text.optional(),
    }),
  ),
  outcomeMap: z.looseObject({ file: text, sha256: text, entries: count }).nullable(),
});

const baseline = z.looseObject({
  file: text,
  generatedAt: text,
  policy: z.looseObject({ id: text, version: text, sha256: text }),
  new: count,
  persisting: count,
  resolved: z.array(z.looseObject({ root: text, path: text, callId: nullableText, verdict, reason: text })),
});

const engine = z.looseObject({
  priorNotice: z.looseObject({ verified: z.boolean(), column: nullableText, statement: text }),
  timeWindow: z.looseObject({ maxEventLagHours: z.number(), leadHours: z.number() }),
  coverage: z.looseObject({
    basis: text,
    spans: z.array(z.looseObject({ source: text, from: text, to: text })),
    // treatedAsCovered before issue 12 (joins), coverageUnknown since.
    treatedAsCovered: count.optional(),
    coverageUnknown: count.optional(),
    recordingsOfUnknownTime: count,
  }),
  recordingTime: z.record(z.string(), count),
  retention: z.looseObject({
    status: text,
    periods: z.record(z.string(), text),
    graceDays: z.number(),
    dueWithinDays: z.number(),
    dueSoon: z.array(z.looseObject({ root: text, path: text, callId: nullableText, deleteBy: text })),
  }),
  holds: z
    .looseObject({ file: text, sha256: text, count: count, stale: z.array(z.looseObject({ id: text })) })
    .nullable(),
  unconfirmedCitations: z.array(z.looseObject({ id: text, textEn: text, source: text })),
});

export const reportSchema = z.looseObject({
  schemaVersion: z.number(),
  tool: z.looseObject({ name: text, version: text }),
  generatedAt: text,
  runId: text.optional(),
  policy: z.looseObject({ id: text, version: text, sha256: text }),
  settings: z.record(z.string(), z.unknown()),
  inputs,
  problems: z.array(z.looseObject({ file: text, line: count.nullable(), code: text, message: text })),
  baseline: baseline.optional(),
  summary,
  recordings: z.array(finding),
  engine: engine.optional(),
});
