import { describe, expect, it } from 'vitest';
import { exceedsBadRowLimit, recordTooLargeError } from '../../src/calllog/bad-rows.js';
import { LineEndNormaliser } from '../../src/calllog/line-ends.js';
import { LineTracker, lineBreaksIn } from '../../src/calllog/line-tracker.js';

function normalise(chunks: string[]): { text: string; lines: number } {
  const normaliser = new LineEndNormaliser();
  const text = chunks.map((chunk) => normaliser.push(chunk)).join('') + normaliser.end();
  return { text, lines: normaliser.lines };
}

describe('LineEndNormaliser', () => {
  it('turns CRLF and lone CR into LF', () => {
    expect(normalise(['a\r\nb\rc\n'])).toEqual({ text: 'a\nb\nc\n', lines: 3 });
  });

  it('joins a CRLF split across two chunks into one line break', () => {
    expect(normalise(['a\r', '\nb\r', '\r\nc'])).toEqual({ text: 'a\nb\n\nc', lines: 4 });
  });

  it('keeps a CR at the very end as a line break', () => {
    expect(normalise(['a\r'])).toEqual({ text: 'a\n', lines: 1 });
  });

  it('counts a last line without line break, and nothing for no text', () => {
    expect(normalise(['a\nb']).lines).toBe(2);
    expect(normalise(['']).lines).toBe(0);
  });
});

describe('LineTracker', () => {
  it('starts each record after the previous one ended, counting line breaks inside fields', () => {
    const tracker = new LineTracker();
    expect(tracker.advance(['id', 'outcome'])).toBe(1);
    expect(tracker.advance(['A', 'note over\nthree\nlines'])).toBe(2);
    expect(tracker.endLine).toBe(4);
    expect(tracker.advance([''])).toBe(5);
    expect(tracker.advance(['B', 'x'])).toBe(6);
    expect(tracker.next).toBe(7);
  });

  it('counts every line break of every field', () => {
    expect(lineBreaksIn(['a\n\nb', 'c', '\n'])).toBe(3);
    expect(lineBreaksIn(['plain', ''])).toBe(0);
  });
});

describe('exceedsBadRowLimit', () => {
  it('allows exactly 1% and fails above it', () => {
    expect(exceedsBadRowLimit(1, 100)).toBe(false);
    expect(exceedsBadRowLimit(7, 700)).toBe(false);
    expect(exceedsBadRowLimit(2, 100)).toBe(true);
    expect(exceedsBadRowLimit(1, 99)).toBe(true);
  });

  it('never fails without bad lines', () => {
    expect(exceedsBadRowLimit(0, 0)).toBe(false);
    expect(exceedsBadRowLimit(0, 5)).toBe(false);
  });
});

describe('recordTooLargeError', () => {
  it('names the file and line and blames an unclosed quote', () => {
    const error = recordTooLargeError('calls.csv', 4711, 32 * 1024 * 1024);
    expect(error.code).toBe('CSV_RECORD_TOO_LARGE');
    expect([error.file, error.line]).toEqual(['calls.csv', 4711]);
    expect(error.message).toContain('32 MiB');
    expect(error.message).toContain('never closed');
  });
});
