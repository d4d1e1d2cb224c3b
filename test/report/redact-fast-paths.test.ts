import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/audit/types.js';
import { maskFreePbxName } from '../../src/report/freepbx-name-mask.js';
import { isProtectedShape, maskingCut, redactText } from '../../src/report/redact.js';
import { viewFor } from '../../src/report/redacted-view.js';
import { DEFAULT_RENDER_OPTIONS } from '../../src/report/reporter.js';
import { referenceRedactText } from './redact-reference.js';

// Texts built from the pieces the masking rules look at: digits in runs of every length,
// separators, `+`, parentheses, `@`, slashes, FreePBX kinds, dates, UUID-ish hex, letters, `•`.
const piece = fc.oneof(
  fc.stringMatching(/^\d{1,12}$/),
  fc.constantFrom(' ', '.', '/', '-', '_', '+', '(', ')', '(0)', ':', 'T', 'Z', '@', '•', 'č', '٣', '\n'),
  fc.constantFrom('in-', 'out-', 'force-', 'q-', 'tel:', 'mail', 'example.si', '.wav', 'abc', 'C-'),
  fc.constantFrom('2026-10-03', '2026-10-03T09:15:00.000Z', '20261003-091500', '1729512345.123'),
  fc.constantFrom('03.10.2026', '09:15', '5d0ea9ec-0d0a-4cab-8b27-d4353bca6c08', '00386', '+386', '040'),
);
const text = fc.array(piece, { maxLength: 14 }).map((pieces) => pieces.join(''));
// FreePBX names, whose caller and destination are masked however short: kind-dst-src-date-time-id.
const freePbxName = fc
  .tuple(
    fc.constantFrom('in', 'out', 'q', 'force', 'rg', 'x'),
    fc.oneof(fc.stringMatching(/^\+?\d{1,12}$/), fc.constantFrom('s', 'abc')),
    fc.stringMatching(/^\d{1,12}$/),
    fc.stringMatching(/^\d{6,9}$/),
    fc.stringMatching(/^\d{5,7}$/),
    text,
  )
  .map(([kind, dst, src, date, time, rest]) => `${kind}-${dst}-${src}-${date}-${time}-${rest}`);
const anyText = fc.oneof(
  text,
  freePbxName,
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

const runs = { numRuns: 3000 };

// Names in the shape maskFreePbxName takes, each part now and then just outside it: every kind and
// some that are not, fields of every length (or with `+`), dates of other centuries, short or long
// times, UNIQUEIDs of 8 to 11 digits with 0 to 10 after the dot, extensions with digits, dots or
// nothing, `_` for a `-`.
const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^\\d{${min},${max}}$`));
const mostly = <T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: valid, weight: 9 }, { arbitrary: invalid, weight: 1 });
const nearFreePbxName = fc
  .tuple(
    mostly(
      fc.constantFrom(
        ...['in', 'out', 'internal', 'external', 'exten', 'q', 'rg', 'force', 'conf', 'page'],
        ...['generic', 'ondemand'],
      ),
      fc.constantFrom('x', 'inn', 'In', 'sin', '(in', '1in', ''),
    ),
    mostly(digits(1, 12), fc.constantFrom('+38640111222', 's', '')),
    mostly(digits(1, 12), fc.constantFrom('+4361234', 'abc', '')),
    mostly(
      fc.constantFrom('19', '20').chain((c) => digits(6, 6).map((d) => `${c}${d}`)),
      digits(7, 9),
    ),
    mostly(digits(6, 6), digits(5, 7)),
    mostly(digits(9, 10), digits(8, 11)),
    mostly(digits(1, 9), fc.oneof(digits(0, 10), fc.constantFrom('12.2026', '03'))),
    mostly(
      fc.constantFrom('wav', 'WAV', 'mp3', 'ogg', 'm4a', 'gsm', 'x1'),
      fc.constantFrom('2026', '3gp', '', 'wav.gz', 'wav-1', 'wav ', 'č', 'wav/x'),
    ),
    mostly(fc.constant('-'), fc.constantFrom('_', '--', '/')),
  )
  .map(
    ([kind, dst, src, date, time, seconds, counter, ext, glue]) =>
      `${kind}-${dst}-${src}${glue}${date}-${time}-${seconds}.${counter}.${ext}`,
  );

describe('redaction fast paths', () => {
  it('mask exactly as the reference rules do', () => {
    fc.assert(
      fc.property(anyText, (t) => {
        expect(redactText(t)).toBe(referenceRedactText(t));
      }),
      runs,
    );
  });

  it('mask FreePBX names by hand exactly as the reference rules do', () => {
    let taken = 0;
    fc.assert(
      fc.property(fc.oneof(nearFreePbxName, freePbxName, anyText), (t) => {
        const fast = maskFreePbxName(t);
        if (fast !== null) {
          taken++;
          expect(fast).toBe(referenceRedactText(t));
        }
        expect(redactText(t)).toBe(referenceRedactText(t));
      }),
      { numRuns: 20_000 },
    );
    // The shortcut must actually be tried, or this test proves nothing.
    expect(taken).toBeGreaterThan(1000);
  });

  it('recognise protected shapes exactly as their regular expressions do', () => {
    const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
    const UNIQUEID = /^\d{9,10}\.\d{1,9}$/;
    const nearShapes = fc.oneof(
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      fc
        .tuple(fc.date({ noInvalidDate: true }), fc.nat(23), fc.constantFrom('0', 'a', '-', ':', '.', '٣'))
        .map(([d, i, c]) => {
          const iso = d.toISOString();
          return `${iso.slice(0, i)}${c}${iso.slice(i + 1)}`;
        }),
      fc
        .tuple(digits(7, 12), fc.constantFrom('.', ',', '..', ''), digits(0, 11))
        .map(([s, dot, n]) => `${s}${dot}${n}`),
      anyText,
    );
    fc.assert(
      fc.property(nearShapes, (t) => {
        expect(isProtectedShape(t)).toBe(ISO_INSTANT.test(t) || UNIQUEID.test(t));
      }),
      { numRuns: 20_000 },
    );
  });

  it('mask a text cut at maskingCut part by part as a whole', () => {
    fc.assert(
      fc.property(anyText, anyText, fc.constantFrom('', '/', '1/', '/2', ')/', '/('), (a, b, glue) => {
        const whole = `${a}${glue}${b}`;
        const cut = maskingCut(whole);
        if (cut < 0) return;
        const parts = `${referenceRedactText(whole.slice(0, cut))}/${referenceRedactText(whole.slice(cut + 1))}`;
        expect(parts).toBe(referenceRedactText(whole));
      }),
      runs,
    );
  });

  it('leave protected shapes as they are', () => {
    const shapes = fc.oneof(
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      fc.tuple(fc.stringMatching(/^\d{9,10}$/), fc.stringMatching(/^\d{1,9}$/)).map(([s, n]) => `${s}.${n}`),
      anyText,
    );
    fc.assert(
      fc.property(shapes, (t) => {
        if (isProtectedShape(t)) expect(referenceRedactText(t)).toBe(t);
      }),
      runs,
    );
  });

  it('mask through the view (memo, folders) as the reference does, again and again', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            anyText,
            text.map((t) => `2026/10/${t}/${t}`),
            // FreePBX names after a folder are masked by hand and not remembered.
            fc.tuple(text, nearFreePbxName).map(([t, name]) => `2026/10/${t}/${name}`),
          ),
          { maxLength: 8 },
        ),
        (texts) => {
          const view = viewFor(emptyResult(), true);
          for (const t of [...texts, ...texts]) expect(view.mask(t)).toBe(referenceRedactText(t));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('give each field of a finding as show gives it', () => {
    const finding = {
      root: '/srv/rec',
      path: '2026/10/03/in-38640111222-7001-20261003-091500-1729512345.123.wav',
      callId: '1729512345.123',
      verdict: 'violation',
      reason: 'NO_CALL_LOG_ENTRY',
      message: { code: 'TEXT', args: { text: 'Call +386 40 111 222 on 2026-10-03T09:15:00.000Z' } },
      categories: ['order'],
      events: [
        {
          file: 'crm/040111222.csv',
          line: 3,
          outcome: 'ana@x.si',
          category: 'order',
          matchedBy: 'none',
          term: null,
          at: '2026-10-03T09:15:00.000Z',
        },
      ],
      legalBasis: ['CIT_0401112223'],
      problems: [{ code: 'EMPTY_FILE', message: 'size 040 111 222' }],
      baseline: 'new',
      deleteBy: '2027-10-03T09:15:00.000Z',
    } as unknown as Finding;
    const view = viewFor({ ...emptyResult(), recordings: [finding] }, DEFAULT_RENDER_OPTIONS.redact);
    const shown = view.show(finding);
    expect(shown.path).toBe('2026/10/03/in-•••••••••22-7001-20261003-091500-1729512345.123.wav');
    for (const key of Object.keys(finding) as Array<keyof Finding & string>)
      expect(view.field(finding, key), key).toEqual(shown[key]);
    const event = finding.events[0]!;
    for (const key of Object.keys(event) as Array<keyof typeof event & string>)
      expect(view.field(event, key), key).toEqual(shown.events[0]![key]);
  });
});

function emptyResult() {
  return {
    schemaVersion: 1,
    tool: { name: 'callaudit', version: '0.0.0' },
    generatedAt: '2026-11-28T12:00:00.000Z',
    runId: 'r',
    policy: { id: 'p', version: '1', sha256: 'x' },
    settings: {},
    inputs: { roots: [], callLogs: [], outcomeMap: null },
    problems: [],
    summary: {} as never,
    recordings: [] as Finding[],
  };
}
