import type { Finding } from '../audit/types.js';
import { englishExplanation } from '../report/messages/render.js';
import { redactText } from '../report/redact.js';
import type { DecisionRow } from './append-decision.js';
import { labelsOf } from './todo.js';

export interface ReviewSession {
  /** Shows a line to the reviewer. */
  say(text: string): void;
  /** Asks and waits for a line; null when the input ended (Ctrl-D). */
  ask(question: string): Promise<string | null>;
  /** Appends the decision to the trail before the next finding is shown. */
  record(row: DecisionRow): void;
  /** SHA-256 of the recording as it is now, so the decision holds for the bytes heard; null if unreadable. */
  hash(finding: Finding): Promise<string | null>;
  reviewer: string;
  now: () => string;
  redact: boolean;
  /** Categories a recording may be kept for. */
  keepable: readonly string[];
}

function describe(f: Finding, index: number, total: number, redact: boolean): string {
  const mask = (text: string) => (redact ? redactText(text) : text);
  return [
    '',
    `[${index + 1}/${total}] ${mask(f.path)}${f.callId ? `  (call ${f.callId})` : ''}`,
    `  reason:   ${f.reason}`,
    `  labels:   ${mask(labelsOf(f)) || '(none)'}`,
    `  time:     ${f.startedAt ?? 'unknown'}   duration: ${f.durationSec === null ? 'unknown' : `${f.durationSec.toFixed(1)} s`}`,
    `  why:      ${mask(englishExplanation(f.message))}`,
  ].join('\n');
}

async function askUntil(session: ReviewSession, question: string, valid: (a: string) => boolean) {
  for (;;) {
    const answer = await session.ask(question);
    if (answer === null) return null;
    if (valid(answer.trim())) return answer.trim();
    session.say('  please answer one of the choices');
  }
}

/**
 * One finding at a time: k (keep, with a category), d (delete), s (skip), q (quit); every keep or
 * delete asks for a reason and is appended to the trail at once, so an interrupted session loses
 * nothing. Returns how many decisions were recorded.
 */
export async function reviewInteractively(
  findings: readonly Finding[],
  session: ReviewSession,
): Promise<number> {
  let recorded = 0;
  for (const [index, finding] of findings.entries()) {
    session.say(describe(finding, index, findings.length, session.redact));
    const key = await askUntil(session, '  [k]eep, [d]elete, [s]kip, [q]uit? ', (a) => /^[kdsq]$/i.test(a));
    if (key === null || key.toLowerCase() === 'q') break;
    if (key.toLowerCase() === 's') continue;
    const keep = key.toLowerCase() === 'k';
    let category = '';
    if (keep) {
      const suggested = finding.categories.find((c) => session.keepable.includes(c)) ?? '';
      const answer = await askUntil(
        session,
        `  kept for which category (${session.keepable.join(', ')})${suggested ? ` [${suggested}]` : ''}? `,
        (a) => session.keepable.includes(a) || (a === '' && suggested !== ''),
      );
      if (answer === null) break;
      category = answer === '' ? suggested : answer;
    }
    const reason = await askUntil(session, '  reason (required): ', (a) => a !== '');
    if (reason === null) break;
    const evidence = (await session.ask('  evidence (optional, e.g. listened 00:45-01:30): ')) ?? '';
    session.record({
      call_id: finding.callId ?? '',
      path: finding.path,
      decision: keep ? 'keep' : 'delete',
      category,
      reason,
      reviewer: session.reviewer,
      decided_at: session.now(),
      evidence: evidence.trim(),
      recording_sha256: (await session.hash(finding)) ?? '',
    });
    recorded++;
    session.say(`  recorded: ${keep ? `keep (${category})` : 'delete'}`);
  }
  return recorded;
}
