import { describe, expect, it } from 'vitest';
import { recordingsPeriod } from '../../src/audit/query-period.js';

describe('recordingsPeriod', () => {
  it('spans an hour before the first call to the event lag after the last, whatever the order', () => {
    const period = recordingsPeriod(
      [
        { startedAt: '2026-10-04T10:15:00.000Z', timeSource: 'filename' },
        { startedAt: '2026-10-03T07:15:00.000Z', timeSource: 'tag' },
        { startedAt: '2026-10-03T09:00:00.000Z', timeSource: 'sidecar' },
      ],
      48,
    );
    expect(period).toEqual({ from: '2026-10-03T06:15:00.000Z', to: '2026-10-06T10:15:00.000Z' });
  });

  it('is null when a recording has no time or only its modification time', () => {
    const dated = { startedAt: '2026-10-04T10:15:00.000Z', timeSource: 'filename' };
    expect(recordingsPeriod([dated, { startedAt: null, timeSource: null }], 72)).toBeNull();
    expect(
      recordingsPeriod([dated, { startedAt: '2026-10-05T00:00:00.000Z', timeSource: 'mtime' }], 72),
    ).toBeNull();
  });

  it('is null for no recordings', () => {
    expect(recordingsPeriod([], 72)).toBeNull();
  });
});
