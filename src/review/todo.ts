import { DECISION_COLUMNS } from '../policy/decisions-file.js';
import { englishExplanation } from '../report/messages/render.js';
import { compareStrings } from '../audit/summarise.js';
import type { Finding } from '../audit/types.js';
import { csvLine } from '../report/csv-cell.js';
import { redactText } from '../report/redact.js';
import { CallauditError } from '../errors.js';

/** What the reviewer needs beside the decision columns, after them so the decision is filled first. */
const TODO_CONTEXT_COLUMNS = [
  'recording',
  'finding_reason',
  'labels',
  'started_at',
  'duration_sec',
  'review_since',
  'explanation',
] as const;

export type ReviewFilter = { key: 'reason' | 'category' | 'label'; values: string[] };

const FILTER_KEYS = ['reason', 'category', 'label'] as const;

/** `reason=UNKNOWN_OUTCOME,AMBIGUOUS_CATEGORY`: one key, values any of. */
export function parseFilter(text: string): ReviewFilter {
  const match = /^(\w+)=(.+)$/.exec(text.trim());
  const key = match?.[1] ?? '';
  if (!match || !(FILTER_KEYS as readonly string[]).includes(key))
    throw new CallauditError(
      'BAD_FLAG',
      `--filter "${text}" is not of the form key=value with key ${FILTER_KEYS.join(', ')}`,
      'e.g. --filter reason=UNKNOWN_OUTCOME',
    );
  return { key: key as ReviewFilter['key'], values: match[2]!.split(',').map((v) => v.trim()) };
}

function passes(finding: Finding, filter: ReviewFilter): boolean {
  switch (filter.key) {
    case 'reason':
      return filter.values.includes(finding.reason);
    case 'category':
      return finding.categories.some((c) => filter.values.includes(c));
    case 'label':
      return finding.events.some((e) => filter.values.includes(e.outcome));
  }
}

export const labelsOf = (finding: Finding) => [...new Set(finding.events.map((e) => e.outcome))].join(' | ');

/** The open review findings, one per recording, sorted by reason, label and path. */
export function openReviews(
  findings: readonly Finding[],
  filters: readonly ReviewFilter[],
  decided: (finding: Finding) => boolean = () => false,
): Finding[] {
  return findings
    .filter((f) => f.verdict === 'review' && filters.every((filter) => passes(f, filter)) && !decided(f))
    .sort(
      (a, b) =>
        compareStrings(a.reason, b.reason) ||
        compareStrings(labelsOf(a), labelsOf(b)) ||
        compareStrings(a.path, b.path) ||
        compareStrings(a.root, b.root),
    );
}

/**
 * A decisions file to fill in: the decision columns empty, the evidence after them. A masked
 * path cannot name the recording, so it goes into `recording` only and the row is matched by
 * call ID; rows with neither are counted in `unmatchable` (write them with --no-redact).
 */
export function renderTodo(
  findings: readonly Finding[],
  redact: boolean,
): { csv: string; unmatchable: number } {
  let unmatchable = 0;
  const lines = [[...DECISION_COLUMNS, ...TODO_CONTEXT_COLUMNS].join(',')];
  for (const f of findings) {
    const shown = redact ? redactText(f.path) : f.path;
    const path = shown === f.path ? f.path : '';
    if (path === '' && f.callId === null) unmatchable++;
    const decision = [f.callId, path, '', '', '', '', '', '', ''];
    const context = [
      shown,
      f.reason,
      redact ? redactText(labelsOf(f)) : labelsOf(f),
      f.startedAt,
      f.durationSec,
      f.reviewSince ?? null,
      redact ? redactText(englishExplanation(f.message)) : englishExplanation(f.message),
    ];
    lines.push(csvLine([...decision, ...context], { neutralise: true }));
  }
  return { csv: `${lines.join('\n')}\n`, unmatchable };
}
