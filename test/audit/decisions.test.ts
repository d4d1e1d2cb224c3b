import { describe, expect, it } from 'vitest';
import { DecisionBook, fileKey, type Decision } from '../../src/audit/decisions.js';
import { parseDecisions } from '../../src/policy/decisions-file.js';
import { legalBasisOf } from '../../src/audit/shared-parts.js';
import { loadPolicy } from '../../src/policy/load-pack-file.js';
import { errorOf } from '../support/error-of.js';
import { judgeCase, makeHold, stubClassifier, type JudgeCase } from '../support/builders.js';
import { englishExplanation } from '../../src/report/messages/render.js';

const classify = stubClassifier({
  Order: 'order',
  Info: 'information',
  Support: 'support',
  Quality: 'staff_monitoring',
});
const HASH = 'a'.repeat(64);

function decision(overrides: Partial<Decision> = {}): Decision {
  return {
    id: 'decisions.csv:2',
    callId: 'C-1',
    path: null,
    decision: 'delete',
    category: null,
    reason: 'listened: opening hours only',
    reviewer: 'DPO',
    decidedAt: '2026-11-20',
    evidence: 'listened 00:00-00:40',
    recordingSha256: null,
    ...overrides,
  };
}
const KEEP = decision({ decision: 'keep', category: 'order', reason: 'customer ordered' });
const DELETE = decision();

interface Case extends JudgeCase {
  decisions: Decision[];
}

const run = (c: Case) =>
  judgeCase({ ...c, engine: { decisions: new DecisionBook(c.decisions), ...c.engine } }, classify);

const inWindow = { at: '2026-10-03T09:00:00Z' };

describe('a decision against every rule', () => {
  it.each<[string, Case, string, string]>([
    [
      'active hold beats a delete decision',
      { decisions: [DELETE], engine: { holds: [makeHold()] } },
      'hold',
      'LEGAL_HOLD',
    ],
    [
      'active hold beats a keep decision',
      { decisions: [KEEP], engine: { holds: [makeHold()] }, events: [['Info']] },
      'hold',
      'LEGAL_HOLD',
    ],
    [
      'an unreadable file stays for a human',
      { decisions: [DELETE], recording: { problems: [{ code: 'TRUNCATED', message: 't' }] } },
      'review',
      'UNREADABLE_FILE',
    ],
    [
      'a contradicted call ID is not trusted to name the decided call',
      { decisions: [DELETE], recording: { idProblems: [{ code: 'CONFLICTING_CALL_ID', message: 'x' }] } },
      'review',
      'CONFLICTING_CALL_ID',
    ],
    [
      'delete beats no call ID (decided by path)',
      {
        decisions: [decision({ callId: null, path: 'in_C-1.wav' })],
        recording: { callId: null, idSource: 'none' },
      },
      'violation',
      'REVIEWED_DELETE',
    ],
    [
      'keep beats no prior notice',
      { decisions: [KEEP], events: [['Order', { notice: 'ne', ...inWindow }]] },
      'compliant',
      'REVIEWED_KEEP',
    ],
    [
      'delete beats an unlawful purpose',
      { decisions: [DELETE], events: [['Order', { purpose: 'Quality', ...inWindow }]] },
      'violation',
      'REVIEWED_DELETE',
    ],
    [
      'delete beats a qualifying event',
      { decisions: [DELETE], events: [['Order', inWindow]] },
      'violation',
      'REVIEWED_DELETE',
    ],
    [
      'keep beats an event outside the window',
      { decisions: [KEEP], events: [['Order', { at: '2026-10-20T09:00:00Z' }]] },
      'compliant',
      'REVIEWED_KEEP',
    ],
    [
      'keep beats an unknown outcome',
      { decisions: [KEEP], events: [['Weird']] },
      'compliant',
      'REVIEWED_KEEP',
    ],
    [
      'delete beats an ambiguous category',
      { decisions: [DELETE], events: [['Support']] },
      'violation',
      'REVIEWED_DELETE',
    ],
    [
      'keep beats non-qualifying only',
      { decisions: [KEEP], events: [['Info']] },
      'compliant',
      'REVIEWED_KEEP',
    ],
    [
      'keep beats outside log coverage',
      { decisions: [KEEP], recording: { startedAt: '2026-06-01T08:00:00.000Z' } },
      'compliant',
      'REVIEWED_KEEP',
    ],
    ['keep beats no call-log entry', { decisions: [KEEP] }, 'compliant', 'REVIEWED_KEEP'],
    [
      'keep past its category retention is expired',
      { decisions: [KEEP], recording: { startedAt: '2022-01-10T08:00:00.000Z' } },
      'violation',
      'RETENTION_EXPIRED',
    ],
    [
      'a decision for changed bytes is void',
      {
        decisions: [decision({ recordingSha256: HASH })],
        events: [['Order', inWindow]],
        engine: { decisionHashes: new Map([[fileKey('archive', 'in_C-1.wav'), 'b'.repeat(64)]]) },
      },
      'compliant',
      'QUALIFYING_EVENT',
    ],
    [
      'a decision for unhashed bytes is void',
      { decisions: [decision({ recordingSha256: HASH })], events: [['Support']] },
      'review',
      'AMBIGUOUS_CATEGORY',
    ],
    [
      'a decision for the same bytes applies',
      {
        decisions: [decision({ recordingSha256: HASH })],
        events: [['Support']],
        engine: { decisionHashes: new Map([[fileKey('archive', 'in_C-1.wav'), HASH]]) },
      },
      'violation',
      'REVIEWED_DELETE',
    ],
    [
      'delete after an ended hold is the human confirmation',
      { decisions: [DELETE], engine: { holds: [makeHold({ until: '2026-11-01T22:59:59.999Z' })] } },
      'violation',
      'REVIEWED_DELETE',
    ],
    [
      'delete before the hold ended still waits for a human',
      {
        decisions: [decision({ decidedAt: '2026-10-15' })],
        engine: { holds: [makeHold({ until: '2026-11-01T22:59:59.999Z' })] },
      },
      'review',
      'HOLD_EXPIRED',
    ],
    [
      // Kiritimati is UTC+14, ahead of every machine's zone: read in the machine's time instead of
      // the audit's, 23:30 there would fall after the hold's end (10:00Z) rather than before it.
      'decided_at without an offset is the audit zone: a decision before the hold ended waits',
      {
        decisions: [decision({ decidedAt: '2026-11-01T23:30' })],
        engine: { zone: 'Pacific/Kiritimati', holds: [makeHold({ until: '2026-11-01T10:00:00.000Z' })] },
      },
      'review',
      'HOLD_EXPIRED',
    ],
    [
      'the later row of the trail wins',
      { decisions: [KEEP, decision({ id: 'decisions.csv:3' })], events: [['Order', inWindow]] },
      'violation',
      'REVIEWED_DELETE',
    ],
    [
      'a decision for another call does nothing',
      { decisions: [decision({ callId: 'C-2' })], events: [['Order', inWindow]] },
      'compliant',
      'QUALIFYING_EVENT',
    ],
  ])('%s', (_name, c, verdict, reason) => {
    const finding = run(c);
    expect([finding.verdict, finding.reason]).toEqual([verdict, reason]);
    if (reason.startsWith('REVIEWED_')) {
      expect(finding.decision?.reviewer).toBe('DPO');
      expect(englishExplanation(finding.message)).toContain('by DPO on ');
    }
  });

  it('a call ID alone names every recording of the call; a path names only its own file', () => {
    const legs = [{ path: 'in_C-1.wav' }, { path: 'out_C-1.wav' }, { path: 'in_C-2.wav', callId: 'C-2' }];
    const verdicts = (d: Decision) =>
      legs.map((recording) => run({ decisions: [d], recording, events: [['Support']] }).reason);
    expect(verdicts(DELETE)).toEqual(['REVIEWED_DELETE', 'REVIEWED_DELETE', 'AMBIGUOUS_CATEGORY']);
    expect(verdicts(decision({ path: 'out_C-1.wav' }))).toEqual([
      'AMBIGUOUS_CATEGORY',
      'REVIEWED_DELETE',
      'AMBIGUOUS_CATEGORY',
    ]);
  });

  it('a kept recording is kept until the decided category retention ends', () => {
    const finding = run({ decisions: [KEEP] });
    expect(finding.deleteBy!.startsWith('2029-10-0')).toBe(true);
  });
});

it('a decision cites the law of the rule it stands in for when the pack names none of its own', () => {
  const pack = loadPolicy('si-ip-akos');
  expect(legalBasisOf(pack, 'REVIEWED_DELETE')).toContain('CIT_GDPR_5_2');
  const { REVIEWED_KEEP: _keep, REVIEWED_DELETE: _delete, ...older } = pack.reasonCitations;
  const extension = { ...pack, reasonCitations: older };
  expect(legalBasisOf(extension, 'REVIEWED_KEEP')).toEqual(pack.reasonCitations.QUALIFYING_EVENT);
  expect(legalBasisOf(extension, 'REVIEWED_DELETE')).toEqual(pack.reasonCitations.NON_QUALIFYING_ONLY);
});

describe('parseDecisions', () => {
  const header = 'call_id,path,decision,category,reason,reviewer,decided_at,evidence,recording_sha256';

  it('reads CSV rows, skips open to-do rows and names each decision by file and line', () => {
    const list = parseDecisions(
      `${header}\nC-1,,keep,order,ordered,Ana,2026-11-02,listened 00:45,\nC-2,x/y.wav,,,,,,,\nC-3,,DELETE,,info only,Ana,2026-11-02T10:00,,${HASH}\n`,
      'd.csv',
    );
    expect(list.map((d) => [d.id, d.callId, d.decision, d.category, d.recordingSha256])).toEqual([
      ['d.csv:2', 'C-1', 'keep', 'order', null],
      ['d.csv:4', 'C-3', 'delete', null, HASH],
    ]);
  });

  it('names each decision by the line it starts on, past blank lines and reasons that span lines', () => {
    const list = parseDecisions(
      `${header}\r\nC-1,,delete,,"opening hours,\r\nnothing else",Ana,2026-11-02,,\r\n\r\nC-2,,delete,,r,Ana,2026-11-02,,\r\n`,
      'd.csv',
    );
    expect(list.map((d) => d.id)).toEqual(['d.csv:2', 'd.csv:5']);
  });

  it('reads semicolon CSV and JSON', () => {
    expect(
      parseDecisions('call_id;decision;reason;reviewer;decided_at\nC-1;delete;r;DPO;2026-11-02\n', 'd.csv'),
    ).toHaveLength(1);
    const json = parseDecisions(
      JSON.stringify([
        { path: 'a.wav', decision: 'delete', reason: 'r', reviewer: 'DPO', decided_at: '2026-11-02' },
      ]),
      'd.json',
    );
    expect(json[0]).toMatchObject({ id: 'd.json#0', path: 'a.wav', callId: null });
  });

  it.each([
    [`${header}\nC-1,,keep,,r,DPO,2026-11-02,,\n`, 'd.csv:2', 'needs the category'],
    [`${header}\nC-1,,maybe,,r,DPO,2026-11-02,,\n`, 'd.csv:2', 'neither keep nor delete'],
    [`${header}\nC-1,,delete,,,DPO,2026-11-02,,\n`, 'd.csv:2', 'no reason'],
    [`${header}\nC-1,,delete,,r,,2026-11-02,,\n`, 'd.csv:2', 'no reviewer'],
    [`${header}\nC-1,,delete,,r,DPO,yesterday,,\n`, 'd.csv:2', 'not an ISO 8601 date'],
    [`${header}\n,,delete,,r,DPO,2026-11-02,,\n`, 'd.csv:2', 'neither call_id nor path'],
    [`${header}\nC-1,,delete,,r,DPO,2026-11-02,,abc\n`, 'd.csv:2', 'not a SHA-256'],
    [`${header}\nC-1,,keep,pizza,r,DPO,2026-11-02,,\n`, 'd.csv:2', 'unknown category'],
    ['call_id,decision\nC-1,delete\n', 'd.csv:1', 'lacks reason, reviewer, decided_at'],
  ])('refuses bad rows with file and line (%#)', (content, where, message) => {
    const error = errorOf(() => parseDecisions(content, 'd.csv'));
    expect(error.code).toBe('DECISIONS_INVALID');
    expect(error.file).toBe(where);
    expect(error.message).toContain(message);
  });

  it('lists decisions that name no recording as stale', () => {
    const book = new DecisionBook([
      decision(),
      decision({ id: 'x:3', callId: null, path: 'gone.wav' }),
      decision({ id: 'x:4', callId: 'c-9' }),
    ]);
    expect(book.stale([{ callId: 'C-9', path: 'a.wav' }]).map((d) => d.id)).toEqual([
      'decisions.csv:2',
      'x:3',
    ]);
  });
});
