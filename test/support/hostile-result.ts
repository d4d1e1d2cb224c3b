import type { AuditResult } from '../../src/audit/result.js';

const XSS = '<img src=x onerror=alert(1)>';

/** A small result whose every free text is hostile, as tags, CSV cells and file names can be. */
export function hostileResult(): AuditResult {
  return {
    schemaVersion: 1,
    tool: { name: 'callaudit', version: '0.0.0-test' },
    generatedAt: '2026-11-28T12:00:00.000Z',
    runId: '0123456789abcdef0123456789abcdef',
    policy: { id: 'si-ip-akos', version: '1.0.0', sha256: 'a'.repeat(64) },
    settings: { timezone: 'Europe/Ljubljana' },
    inputs: {
      roots: [
        { path: `roots/${XSS}`, recordings: 2, ignoredFiles: 0, ignoredByExtension: {}, ignoredByReason: {} },
      ],
      callLogs: [
        {
          file: `crm/${XSS}.csv`,
          sha256: 'b'.repeat(64),
          encoding: 'utf-8',
          encodingDetected: true,
          delimiter: ';',
          rows: 2,
          events: 2,
          skippedRows: 1,
          firstAt: '2026-10-03T07:15:00.000Z',
          lastAt: '2026-10-04T07:15:00.000Z',
        },
      ],
      outcomeMap: null,
    },
    problems: [{ file: `crm/${XSS}.csv`, line: 3, code: XSS, message: XSS }],
    labels: [{ label: `${XSS} 041 555 123`, count: 2, category: 'unknown', confirmed: false }],
    summary: {
      recordings: 2,
      compliant: 1,
      violation: 1,
      review: 0,
      hold: 0,
      byReason: { NO_CALL_LOG_ENTRY: 1, QUALIFYING_EVENT: 1 },
    },
    recordings: [
      {
        root: `roots/${XSS}`,
        path: `in_${XSS}_C-1.wav`,
        callId: XSS,
        idSource: 'tag',
        verdict: 'compliant',
        reason: 'QUALIFYING_EVENT',
        message: { code: 'TEXT', args: { text: `label ${XSS}` } },
        categories: ['order'],
        events: [
          {
            file: `crm/${XSS}.csv`,
            line: 2,
            outcome: XSS,
            category: 'order',
            matchedBy: 'outcome-map',
            term: XSS,
            at: null,
          },
        ],
        legalBasis: ['CIT_ZEKOM'],
        size: 10,
        mtime: '2026-10-03T07:15:00.000Z',
        format: 'WAVE',
        codec: XSS,
        durationSec: 1,
        startedAt: null,
        problems: [],
      },
      {
        root: `roots/${XSS}`,
        path: `"'><script>alert(2)</script>.wav`,
        callId: 'C-2',
        idSource: 'filename',
        verdict: 'violation',
        reason: 'NO_CALL_LOG_ENTRY',
        message: { code: 'TEXT', args: { text: '</script><script>alert(3)</script>' } },
        categories: [],
        events: [],
        legalBasis: ['CIT_ZEKOM'],
        size: 10,
        mtime: '2026-10-04T07:15:00.000Z',
        format: 'WAVE',
        codec: null,
        durationSec: null,
        startedAt: null,
        problems: [{ code: 'X', message: XSS }],
      },
    ],
  };
}
