import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/policy/classify.js';
import { withRetentionOverrides } from '../../src/policy/extend-pack.js';
import { loadBuiltinPack, packSha256 } from '../../src/policy/load-pack.js';
import { loadPolicy } from '../../src/policy/load-pack-file.js';
import { PACK_SCHEMA_FILE, policyPackJsonSchema } from '../../src/policy/pack-json-schema.js';
import { isCallauditError } from '../../src/errors.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const EXAMPLE = path.join(REPO, 'fixtures/policy/acme-telecom.json');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'callaudit-pack-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function writePack(name: string, data: unknown): string {
  const file = path.join(tmp, name);
  writeFileSync(file, typeof data === 'string' ? data : JSON.stringify(data));
  return file;
}

function errorOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (isCallauditError(error)) return error;
    throw error;
  }
  throw new Error('expected a CallauditError');
}

describe('the published JSON Schema', () => {
  it('is in sync with the zod schema (regenerate with npm run schema)', () => {
    const committed = JSON.parse(readFileSync(path.join(REPO, PACK_SCHEMA_FILE), 'utf8'));
    expect(committed).toEqual(policyPackJsonSchema());
  });

  it('describes both a complete pack and an extension', () => {
    const schema = policyPackJsonSchema() as { anyOf: Array<{ required: string[] }> };
    expect(schema.anyOf.map((s) => s.required)).toEqual([
      expect.arrayContaining(['id', 'version', 'categories', 'retention', 'citations']),
      expect.arrayContaining(['extends', 'id', 'version']),
    ]);
  });
});

describe('default retention in si-ip-akos', () => {
  const pack = loadBuiltinPack();
  it('keeps every qualifying category 3 years, no grace, marked unconfirmed for the DPO', () => {
    const qualifying = pack.categories.filter((c) => c.qualifies === 'yes').map((c) => c.code);
    expect(Object.keys(pack.retention.periods).sort()).toEqual([...qualifying].sort());
    expect(new Set(Object.values(pack.retention.periods))).toEqual(new Set(['P3Y']));
    expect(pack.retention).toMatchObject({ graceDays: 0, status: 'unconfirmed' });
    expect(pack.retention.citationIds).toContain('CIT_OZ_99');
    expect(pack.citations.CIT_OZ_99?.status).toBe('unconfirmed');
    expect(pack.retention.basisEn).toMatch(/DPO's choice, to be confirmed/);
  });
});

describe('--policy with a pack file', () => {
  it('loads the documented example: extends si-ip-akos and overrides vocabulary, retention and citations', () => {
    const pack = loadPolicy(EXAMPLE);
    const base = loadBuiltinPack();
    expect(pack).toMatchObject({ id: 'acme-telecom', version: '2.0.0', jurisdiction: 'SI' });
    expect(pack.retention.periods).toMatchObject({ complaint: 'P5Y', order: 'P3Y' });
    expect(pack.retention).toMatchObject({ graceDays: 7, status: 'confirmed' });
    expect(pack.citations.CIT_ACME_DPO_2026?.status).toBe('confirmed');
    expect(pack.citations.CIT_ZEKOM).toEqual(base.citations.CIT_ZEKOM);
    const order = pack.categories.find((c) => c.code === 'order')!;
    expect(order.vocabulary).toEqual([
      ...base.categories.find((c) => c.code === 'order')!.vocabulary,
      'paket aktiviran',
      'porting confirmed',
    ]);
    expect(createClassifier(pack)('RMA odprt').category).toBe('complaint');
    expect(packSha256(pack)).not.toBe(packSha256(base));
  });

  it('loads a complete pack file as it is, ignoring $schema in the hash', () => {
    const base = loadBuiltinPack();
    const file = writePack('complete.json', { $schema: 'x.json', ...base });
    expect(packSha256(loadPolicy(file))).toBe(packSha256(base));
  });

  it.each([
    [
      'an unknown built-in base',
      { extends: 'no-such-pack', id: 'x', version: '1.0.0' },
      /no built-in policy pack "no-such-pack"/,
    ],
    [
      'a bad duration',
      { extends: 'si-ip-akos', id: 'x', version: '1.0.0', retention: { periods: { order: '3 years' } } },
      /ISO 8601 duration/,
    ],
    [
      'a citation that does not exist',
      { extends: 'si-ip-akos', id: 'x', version: '1.0.0', retention: { citationIds: ['CIT_NOPE'] } },
      /CIT_NOPE/,
    ],
    [
      'a qualifying category without retention',
      {
        extends: 'si-ip-akos',
        id: 'x',
        version: '1.0.0',
        categories: [{ code: 'support', qualifies: 'yes' }],
      },
      /"support" has no retention period/,
    ],
    ['an unknown key', { extends: 'si-ip-akos', id: 'x', version: '1.0.0', retentoin: {} }, /retentoin/],
    ['no version', { extends: 'si-ip-akos', id: 'x' }, /version/],
  ])('rejects %s with exit-2 error naming the file', (_name, data, message) => {
    const file = writePack('bad.json', data);
    const error = errorOf(() => loadPolicy(file));
    expect(error.code).toMatch(/POLICY_PACK_(INVALID|NOT_FOUND)/);
    expect(error.format()).toMatch(message);
  });

  it('rejects broken JSON and a missing file, saying what to give instead', () => {
    expect(errorOf(() => loadPolicy(writePack('broken.json', '{"id": '))).format()).toMatch(/not valid JSON/);
    expect(errorOf(() => loadPolicy(path.join(tmp, 'none.json'))).format()).toMatch(
      /neither a built-in policy pack nor a file/,
    );
  });
});

describe('retention overrides from the config file', () => {
  it('change the periods and therefore the hash', () => {
    const base = loadBuiltinPack();
    const pack = withRetentionOverrides(base, { complaint: 'P5Y' }, 'callaudit.config.json');
    expect(pack.retention.periods.complaint).toBe('P5Y');
    expect(pack.retention.periods.order).toBe('P3Y');
    expect(packSha256(pack)).not.toBe(packSha256(base));
    expect(withRetentionOverrides(base, {}, 'x')).toBe(base);
  });

  it('reject a category the pack does not define', () => {
    const error = errorOf(() =>
      withRetentionOverrides(loadBuiltinPack(), { complain: 'P5Y' }, 'callaudit.config.json'),
    );
    expect(error.format()).toMatch(/callaudit.config.json: retention names the category "complain"/);
  });
});

describe('noticeMissing in a pack', () => {
  it('is review when no pack says otherwise, and an extension may choose violation', () => {
    expect(loadBuiltinPack().noticeMissing).toBeUndefined();
    const strict = loadPolicy(
      writePack('strict.json', {
        extends: 'si-ip-akos',
        id: 'acme-ivr',
        version: '1.0.0',
        noticeMissing: 'violation',
      }),
    );
    expect(strict.noticeMissing).toBe('violation');
    expect(() =>
      loadPolicy(
        writePack('bad.json', {
          extends: 'si-ip-akos',
          id: 'acme-ivr',
          version: '1.0.0',
          noticeMissing: 'delete',
        }),
      ),
    ).toThrow(/noticeMissing/);
  });
});

describe('an extension keeps what the base reads labels and cites holds with', () => {
  it('inherits topic markers and hold citations unless it names its own', async () => {
    const { extendPack } = await import('../../src/policy/extend-pack.js');
    const { loadBuiltinPack } = await import('../../src/policy/load-pack.js');
    const { createClassifier } = await import('../../src/policy/classify.js');
    const base = loadBuiltinPack();
    const extended = extendPack(base, { extends: 'si-ip-akos', id: 'acme', version: '1.0.0' }, 'acme.json');
    expect(extended.topicMarkers).toEqual(base.topicMarkers);
    expect(extended.holdCitations).toEqual(base.holdCitations);
    expect(createClassifier(extended)('Vprašanje o reklamaciji').qualifies).toBe('review');
    const own = extendPack(
      base,
      {
        extends: 'si-ip-akos',
        id: 'acme',
        version: '1.0.0',
        topicMarkers: ['glede'],
        holdCitations: { dsar: ['CIT_GDPR_17'] },
      },
      'acme.json',
    );
    expect(own.topicMarkers).toEqual(['glede']);
    expect(own.holdCitations?.dsar).toEqual(['CIT_GDPR_17']);
    expect(own.holdCitations?.litigation).toEqual(base.holdCitations?.litigation);
  });
});
