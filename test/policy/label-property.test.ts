import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { judge } from '../../src/audit/judge.js';
import { createClassifier, normaliseLabel, tokenise } from '../../src/policy/classify.js';
import { CONJUNCTIONS } from '../../src/policy/label-parts.js';
import { loadBuiltinPack } from '../../src/policy/load-pack.js';
import { makeEvent, makeRecording } from '../support/builders.js';

const pack = loadBuiltinPack();
const classify = createClassifier(pack);

const qualifying = pack.categories
  .filter((c) => c.qualifies === 'yes')
  .flatMap((c) => c.vocabulary)
  // An entry with a conjunction in it is two parts by definition, so it cannot be "in one part".
  .filter((phrase) => !tokenise(phrase).some((word) => CONJUNCTIONS.has(word)));
const everyEntry = pack.categories.flatMap((c) => c.vocabulary);
const stems = [...everyEntry, ...(pack.topicMarkers ?? []), ...pack.negations].flatMap((phrase) =>
  tokenise(normaliseLabel(phrase)),
);

/** Words that start no stem, negation or topic marker: they can sit next to an entry without changing it. */
const FILLERS = ['stranka', 'gospa', 'danes', 'customer', 'today', 'xq', 'ura'];

const anyOtherPart = fc.oneof(
  fc.constantFrom(...everyEntry),
  fc.constantFrom(...pack.negations.map((n) => `${n} ${everyEntry[n.length % everyEntry.length]}`)),
  fc.constantFrom(...(pack.topicMarkers ?? [])),
  fc.constantFrom('03', '2024', 'REKL', 'xyz 17', '?'),
  fc.stringMatching(/^[a-zčšž ]{1,20}$/),
);
const SEPARATORS = [
  ', ',
  '; ',
  ' – ',
  ' — ',
  ' - ',
  ' / ',
  ' + ',
  ' | ',
  ' and ',
  ' then ',
  ' ter ',
  ' nato ',
];

describe('a qualifying part keeps its label qualifying (fast-check)', () => {
  it('uses fillers that match nothing in the pack', () => {
    for (const filler of FILLERS) {
      expect(
        stems.some((stem) => (stem.length <= 2 ? filler === stem : filler.startsWith(stem))),
        filler,
      ).toBe(false);
      expect(classify(filler).category).toBe('unknown');
    }
  });

  it('a label with an unnegated qualifying entry in any part is never read as non-qualifying, nor judged a violation', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...qualifying),
        fc.array(fc.constantFrom(...FILLERS), { maxLength: 2 }),
        fc.array(fc.constantFrom(...FILLERS), { maxLength: 2 }),
        fc.boolean(),
        fc.array(fc.tuple(anyOtherPart, fc.constantFrom(...SEPARATORS)), { maxLength: 3 }),
        fc.array(fc.tuple(fc.constantFrom(...SEPARATORS), anyOtherPart), { maxLength: 3 }),
        (entry, before, after, upper, partsBefore, partsAfter) => {
          const part = [...before, upper ? entry.toUpperCase() : entry, ...after].join(' ');
          const label =
            partsBefore.map(([text, sep]) => `${text}${sep}`).join('') +
            part +
            partsAfter.map(([sep, text]) => `${sep}${text}`).join('');
          const reading = classify(label);
          expect(reading.qualifies, label).not.toBe('no');
          expect(reading.qualifies, label).toBe('yes');
          const finding = judge(makeRecording({ callId: 'C-1' }), [makeEvent(label, { callId: 'C-1' })], {
            pack,
            classify,
          });
          expect(finding.verdict, label).not.toBe('violation');
        },
      ),
      { numRuns: 2000, seed: 20261207 },
    );
  });
});
