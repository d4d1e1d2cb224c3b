import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createClassifier, normaliseLabel } from '../../src/policy/classify.js';
import { canonicalJson, loadBuiltinPack, packSha256 } from '../../src/policy/load-pack.js';
import {
  CATEGORY_CODES,
  REASON_CODES,
  parsePolicyPack,
  policyPackSchema,
} from '../../src/policy/pack-schema.js';
import { isCallauditError, type CallauditError } from '../../src/errors.js';

const rawPack = JSON.parse(
  readFileSync(new URL('../../src/policy/packs/si-ip-akos.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

function invalid(
  mutate: (pack: Record<string, unknown> & { categories: Record<string, unknown>[] }) => void,
) {
  const copy = structuredClone(rawPack) as Record<string, unknown> & {
    categories: Record<string, unknown>[];
  };
  mutate(copy);
  try {
    parsePolicyPack(copy, 'my-pack.json');
  } catch (error) {
    if (isCallauditError(error)) return error;
    throw error;
  }
  throw new Error('expected the pack to be rejected');
}

describe('built-in pack si-ip-akos', () => {
  const pack = loadBuiltinPack();

  it('is the default and says what it is', () => {
    expect(pack).toMatchObject({ id: 'si-ip-akos', version: '1.2.0', jurisdiction: 'SI' });
    expect(loadBuiltinPack('si-ip-akos')).toEqual(pack);
  });

  it('defines every category except unknown, with the agreed qualifies', () => {
    const qualifies = Object.fromEntries(pack.categories.map((c) => [c.code, c.qualifies]));
    expect(qualifies).toEqual({
      order: 'yes',
      order_change: 'yes',
      cancellation: 'yes',
      complaint: 'yes',
      objection: 'yes',
      relationship_change: 'review',
      support: 'review',
      technical_interruption: 'review',
      data_protection_request: 'review',
      legal_dispute: 'review',
      information: 'no',
      no_sale: 'no',
      staff_monitoring: 'no',
      abuse_prevention: 'no',
      other_non_qualifying: 'no',
    });
    expect(pack.categories.map((c) => c.code).sort()).toEqual(
      CATEGORY_CODES.filter((c) => c !== 'unknown').sort(),
    );
  });

  it('has labels in both languages and its vocabulary already in normal form', () => {
    for (const def of pack.categories) {
      expect(def.labelSl.trim()).not.toBe('');
      expect(def.labelEn.trim()).not.toBe('');
      expect(def.vocabulary.length).toBeGreaterThan(5);
      for (const phrase of def.vocabulary) expect(normaliseLabel(phrase)).toBe(phrase);
    }
    for (const word of pack.negations) expect(normaliseLabel(word)).toBe(word);
  });

  it('classifies each of its own phrases, used as a label, into the phrase’s category', () => {
    const classify = createClassifier(pack);
    const wrong = pack.categories.flatMap((def) =>
      def.vocabulary
        .map((phrase) => ({ phrase, expected: def.code, got: classify(phrase) }))
        .filter(({ expected, got }) => got.category !== expected || got.matchedBy !== 'vocabulary'),
    );
    expect(wrong).toEqual([]);
  });

  it('maps every reason code to citations, and every cited id exists', () => {
    expect(Object.keys(pack.reasonCitations).sort()).toEqual([...REASON_CODES].sort());
    const referenced = [
      ...pack.categories.flatMap((c) => c.citationIds),
      ...Object.values(pack.reasonCitations).flat(),
    ];
    expect(referenced.length).toBeGreaterThan(0);
    for (const id of referenced) expect(pack.citations, id).toHaveProperty([id as string]);
    for (const [id, citation] of Object.entries(pack.citations)) {
      expect(citation.id).toBe(id);
      expect(citation.source).toMatch(/S\d+|https?:\/\//);
    }
  });

  it('cites the reasons the legal briefing asks for', () => {
    expect(pack.reasonCitations.QUALIFYING_EVENT).toEqual(['CIT_ZEKOM', 'CIT_IP_AKOS']);
    for (const reason of ['NON_QUALIFYING_ONLY', 'NO_CALL_LOG_ENTRY'] as const) {
      expect(pack.reasonCitations[reason]).toEqual(
        expect.arrayContaining([
          'CIT_ZEKOM',
          'CIT_IP_AKOS',
          'CIT_AKOS_PRECEDENT',
          'CIT_GDPR_5_1_bc',
          'CIT_ZVOP2_43',
        ]),
      );
    }
    expect(pack.reasonCitations.RETENTION_EXPIRED).toEqual(
      expect.arrayContaining(['CIT_ZEKOM_DELETE', 'CIT_GDPR_5_1_e', 'CIT_ZVOP2_43', 'CIT_OZ_99']),
    );
    expect(pack.reasonCitations.LEGAL_HOLD).toEqual(expect.arrayContaining(['CIT_ZVOP2_21', 'CIT_GDPR_17']));
    for (const reason of [
      'UNKNOWN_OUTCOME',
      'AMBIGUOUS_CATEGORY',
      'NO_CALL_ID',
      'UNREADABLE_FILE',
    ] as const) {
      expect(pack.reasonCitations[reason]).toEqual(expect.arrayContaining(['CIT_GDPR_5_2', 'CIT_ZVOP2_43']));
    }
  });

  it('marks what the briefing could not confirm, and says so in the text', () => {
    const zekom = pack.citations.CIT_ZEKOM;
    expect(zekom?.status).toBe('unconfirmed');
    expect(zekom?.textSl).toContain('[št. člena ZEKom-2 ni potrjena]');
    expect(zekom?.textEn).toContain('[ZEKom-2 article number unconfirmed]');
    expect(zekom?.textSl).toContain('ZEKom-1, 147. člen');
    expect(zekom?.textEn).toContain('ZEKom-1 Art. 147');
    expect(pack.citations.CIT_OZ_99?.status).toBe('unconfirmed');
    for (const id of ['CIT_AKOS_PRECEDENT', 'CIT_ZVOP2_43', 'CIT_ZVOP2_21', 'CIT_GDPR_17']) {
      expect(pack.citations[id]?.status, id).toBe('confirmed');
    }
  });

  it('says which citations rest on a secondary source (legal.md S1, S6, S8) or are open', () => {
    const statusOf = (id: string) => pack.citations[id]?.status;
    for (const id of ['CIT_ZEKOM_DELETE', 'CIT_IP_AKOS', 'CIT_IP_2023_PURPOSE']) {
      expect(statusOf(id), id).toBe('secondary');
      expect(pack.citations[id]?.source, id).toMatch(/secondary/);
    }
    // The Directive's own retention sentence was not read verbatim.
    expect(statusOf('CIT_MIFID_16_7')).toBe('unconfirmed');
    expect(pack.citations.CIT_MIFID_16_7?.textEn).toMatch(/not read verbatim/);
    // The court rejected the company's action; there was no appeal.
    expect(pack.citations.CIT_AKOS_PRECEDENT?.textEn).not.toMatch(/dismissed the appeal/);
    expect(pack.citations.CIT_AKOS_PRECEDENT?.textEn).toMatch(/rejected the operator's action/);
  });

  it("cites for a legal hold the article of the hold's own type", () => {
    expect(pack.holdCitations).toEqual({
      dsar: ['CIT_ZVOP2_21'],
      litigation: ['CIT_GDPR_17'],
      regulatory: ['CIT_MIFID_16_7', 'CIT_GDPR_17'],
      authority_order: ['CIT_GDPR_17'],
    });
    const suggests = Object.fromEntries(
      pack.categories.filter((c) => c.suggestsHold).map((c) => [c.code, c.suggestsHold]),
    );
    expect(suggests).toEqual({ data_protection_request: 'dsar', legal_dispute: 'litigation' });
  });

  it('never names a ZEKom-2 article number', () => {
    for (const citation of Object.values(pack.citations)) {
      for (const text of [citation.textSl, citation.textEn]) {
        expect(text).not.toMatch(/ZEKom-2,? (?:Art\.|člen) ?\d|\d+\. člen ZEKom-2/);
      }
    }
  });
});

describe('pack schema', () => {
  it('accepts the built-in pack file as is', () => {
    expect(policyPackSchema.safeParse(rawPack).success).toBe(true);
  });

  it('can be published as JSON Schema', () => {
    const schema = z.toJSONSchema(policyPackSchema) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['id', 'version', 'categories', 'negations', 'reasonCitations', 'citations']),
    );
  });

  it('names the pack file and the field that is wrong', () => {
    const error = invalid((p) => {
      p.version = 'one';
    });
    expect(error.code).toBe('POLICY_PACK_INVALID');
    expect(error.file).toBe('my-pack.json');
    expect(error.message).toContain('version');
    expect(error.format()).toContain('my-pack.json: ');
  });

  it.each<[string, (p: Record<string, unknown> & { categories: Record<string, unknown>[] }) => void, string]>(
    [
      [
        'an unknown category code',
        (p) => ((p.categories[0] as Record<string, unknown>).code = 'orders'),
        'code',
      ],
      [
        'unknown as a category',
        (p) => ((p.categories[0] as Record<string, unknown>).code = 'unknown'),
        'code',
      ],
      [
        'a bad qualifies',
        (p) => ((p.categories[0] as Record<string, unknown>).qualifies = 'maybe'),
        'qualifies',
      ],
      ['a misspelt key', (p) => (p.negation = ['ni']), 'negation'],
      ['a missing field', (p) => delete p.citations, 'citations'],
      [
        'an unknown reason code',
        (p) => ((p.reasonCitations as Record<string, unknown>).NO_REASON = []),
        'NO_REASON',
      ],
      [
        'a category citing a missing citation',
        (p) => ((p.categories[0] as Record<string, unknown>).citationIds = ['CIT_NOPE']),
        'CIT_NOPE',
      ],
      [
        'a reason citing a missing citation',
        (p) => ((p.reasonCitations as Record<string, string[]>).LEGAL_HOLD = ['CIT_GONE']),
        'CIT_GONE',
      ],
      [
        'a citation whose id differs from its key',
        (p) => ((p.citations as Record<string, { id: string }>).CIT_ZEKOM!.id = 'CIT_OTHER'),
        'CIT_OTHER',
      ],
      [
        'an unconfirmed-or-confirmed status typo',
        (p) => ((p.citations as Record<string, { status: string }>).CIT_ZEKOM!.status = 'tbc'),
        'status',
      ],
      [
        'a category defined twice',
        (p) => p.categories.push(structuredClone(p.categories[0]) as Record<string, unknown>),
        'defined twice',
      ],
      [
        'a phrase in two categories',
        (p) => (p.categories[1]!.vocabulary as string[]).push('nakup'),
        'also in category "order"',
      ],
      [
        'a qualifying phrase that contains a negation',
        (p) => (p.categories[0]!.vocabulary as string[]).push('no contract'),
        'negation "no"',
      ],
      ['a phrase with no letters', (p) => (p.categories[0]!.vocabulary as string[]).push('--'), 'no letters'],
      ['a negation of two words', (p) => (p.negations as string[]).push('did not'), 'single word'],
    ],
  )('rejects %s', (_what, mutate, expected) => {
    const error: CallauditError = invalid(mutate);
    expect(error.message).toContain(expected);
  });

  it('refuses a built-in pack that does not exist, listing those that do', () => {
    expect(() => loadBuiltinPack('de-bdsg')).toThrowError(
      expect.objectContaining({ code: 'POLICY_PACK_NOT_FOUND', hint: expect.stringContaining('si-ip-akos') }),
    );
  });
});

describe('packSha256', () => {
  const pack = loadBuiltinPack();

  it('is a stable hex digest of the content', () => {
    const hash = packSha256(pack);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(packSha256(loadBuiltinPack())).toBe(hash);
  });

  it('ignores key order and formatting but not content', () => {
    const reordered = JSON.parse(JSON.stringify(pack, Object.keys(pack).reverse())) as typeof pack;
    const reversedKeys = Object.fromEntries(Object.entries(pack).reverse()) as typeof pack;
    expect(packSha256(reversedKeys)).toBe(packSha256(pack));
    expect(packSha256(parsePolicyPack(JSON.parse(JSON.stringify(rawPack, null, 7)), 'x'))).toBe(
      packSha256(pack),
    );
    expect(packSha256({ ...reordered, version: '1.0.1' })).not.toBe(packSha256(pack));
    const changed = structuredClone(pack);
    changed.categories[0]!.vocabulary.push('novo');
    expect(packSha256(changed)).not.toBe(packSha256(pack));
  });

  it('serialises with sorted keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: null, y: 'x' }], c: undefined } })).toBe(
      '{"a":{"d":[2,{"y":"x","z":null}]},"b":1}',
    );
  });
});
