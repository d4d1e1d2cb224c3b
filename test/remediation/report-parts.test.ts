import { describe, expect, it } from 'vitest';
import { jsonReporter } from '../../src/report/json.js';
import { DEFAULT_RENDER_OPTIONS } from '../../src/report/reporter.js';
import { reportParts } from '../../src/remediation/report-parts.js';
import { hostileResult } from '../support/hostile-result.js';

/** A result with many findings whose paths hold every character that could confuse a scanner. */
function report() {
  const result = hostileResult();
  const [first] = result.recordings;
  const names = ['a{b}.wav', 'q"uote}.wav', 'back\\slash{.wav', 'new\nline}.wav', '}{', 'plain.wav'];
  result.recordings = Array.from({ length: 60 }, (_, i) => ({
    ...first!,
    path: `${i}/${names[i % names.length]}`,
  }));
  const text = [...jsonReporter.chunks!(result, DEFAULT_RENDER_OPTIONS)].join('');
  return { text, whole: JSON.parse(text) as { recordings: unknown[] } };
}

describe('reading report.json in parts (a million findings do not fit in one string)', () => {
  it('gives the head and every finding exactly as a whole parse does, braces and quotes in paths included', () => {
    const { text, whole } = report();
    const parts = reportParts(Buffer.from(text));
    const { recordings, ...head } = whole;
    expect(parts.head).toEqual(head);
    expect([...parts.findings]).toEqual(recordings);
  });

  it('reads a report in another layout (compact JSON) whole', () => {
    const { whole } = report();
    const parts = reportParts(Buffer.from(JSON.stringify(whole)));
    expect([...parts.findings]).toEqual(whole.recordings);
  });

  it.each([
    ['cut off inside a finding', (t: string) => t.slice(0, t.length - 200)],
    ['with something after the findings', (t: string) => `${t.trimEnd().slice(0, -1)}, "extra": 1}\n`],
    [
      'with a finding that is not an object',
      (t: string) => t.replace('"recordings": [\n', '"recordings": [\n    7,\n'),
    ],
  ])('refuses a report %s', (_name, edit) => {
    const { text } = report();
    expect(() => [...reportParts(Buffer.from(edit(text))).findings]).toThrow(SyntaxError);
  });
});
