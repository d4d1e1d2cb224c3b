// A synthetic audit result of N recordings, shaped like the audit's own: category and citation
// lists shared among findings (audit/shared-parts.ts), one CRM event per linked recording, a
// FreePBX-style path and call ID per recording. Used by the HTML and report-writer benches.
import { summarise } from '../dist/audit/summarise.js';

const KINDS = [
  ['compliant', 'QUALIFYING_EVENT', 'Naročilo', 'order'],
  ['violation', 'NON_QUALIFYING_ONLY', 'Informacije - delovni čas', 'information'],
  ['violation', 'NO_CALL_LOG_ENTRY', null, null],
  ['review', 'UNKNOWN_OUTCOME', 'Povratni klic', 'unknown'],
  ['review', 'AMBIGUOUS_CATEGORY', 'Tehnična pomoč', 'support'],
];
const LEGAL_BASIS = Object.freeze(['CIT_ZEKOM', 'CIT_IP_AKOS']);
const NO_CATEGORIES = Object.freeze([]);
const categoryLists = new Map();
const categoriesOf = (category) => {
  if (!category) return NO_CATEGORIES;
  let list = categoryLists.get(category);
  if (!list) categoryLists.set(category, (list = Object.freeze([category])));
  return list;
};

// Equal messages are one shared object, as the audit makes them (audit/judge-all.ts).
const messages = new Map();
function messageOf(reason, outcome, day) {
  const key = `${reason}|${outcome}|${day}`;
  let message = messages.get(key);
  if (message) return message;
  const labels = outcome ? [outcome] : [];
  const args =
    reason === 'QUALIFYING_EVENT'
      ? { labels, deleteBy: `2027-10-${day}T09:30:00.000Z` }
      : reason === 'AMBIGUOUS_CATEGORY'
        ? { labels, topicOnly: false, holdSuggestions: [] }
        : reason === 'NO_CALL_LOG_ENTRY'
          ? {}
          : { labels };
  messages.set(key, (message = Object.freeze({ code: reason, args: Object.freeze(args) })));
  return message;
}

/**
 * Verdict mix: 4 in 7 compliant, the rest spread over the other kinds; `compliantShare` (0..1)
 * overrides it: that share compliant, the rest violations and reviews in turn.
 */
function kindOf(i, compliantShare) {
  if (compliantShare === undefined) return KINDS[i % 7 < 4 ? 0 : i % 5];
  const perMille = (i * 7919) % 1000;
  return perMille < compliantShare * 1000 ? KINDS[0] : KINDS[1 + (i % 4)];
}

export function syntheticFinding(i, compliantShare) {
  const [verdict, reason, outcome, category] = kindOf(i, compliantShare);
  const day = String(1 + (i % 28)).padStart(2, '0');
  const callId = `${1700000000 + i}.${i % 97}`;
  const ext = 200 + (i % 50);
  const did = `38614${String(i % 100000).padStart(6, '0')}`;
  return {
    root: '/srv/recordings',
    path: `2026/10/${day}/in-${did}-${ext}-202610${day}-0930${String(i % 60).padStart(2, '0')}-${callId}.wav`,
    callId,
    idSource: 'filename',
    verdict,
    reason,
    message: messageOf(reason, outcome, day),
    categories: categoriesOf(category),
    events: outcome
      ? [
          {
            file: 'crm/calls.csv',
            line: i + 2,
            outcome,
            category,
            matchedBy: 'vocabulary',
            term: null,
            at: `2026-10-${day}T09:30:00.000Z`,
          },
        ]
      : [],
    legalBasis: LEGAL_BASIS,
    size: 48_000 + (i % 1000),
    mtime: `2026-10-${day}T09:31:00.000Z`,
    format: 'WAVE',
    codec: 'PCM',
    durationSec: 30 + (i % 300),
    startedAt: `2026-10-${day}T09:30:${String(i % 60).padStart(2, '0')}.000Z`,
    problems: [],
  };
}

/** An unnamed result (no run ID) of `count` recordings. */
export function syntheticResult(count, compliantShare) {
  const recordings = Array.from({ length: count }, (_, i) => syntheticFinding(i, compliantShare));
  return {
    schemaVersion: 1,
    tool: { name: 'callaudit', version: 'bench' },
    generatedAt: '2026-11-28T12:00:00.000Z',
    policy: { id: 'si-ip-akos', version: '1.0.0', sha256: '0'.repeat(64) },
    settings: { timezone: 'Europe/Ljubljana' },
    inputs: {
      roots: [
        {
          path: '/srv/recordings',
          recordings: count,
          ignoredFiles: 0,
          ignoredByExtension: {},
          ignoredByReason: {},
        },
      ],
      callLogs: [],
      outcomeMap: null,
    },
    problems: [],
    summary: summarise(recordings),
    recordings,
  };
}
