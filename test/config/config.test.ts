import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config/config-file.js';
import { didYouMean } from '../../src/config/did-you-mean.js';
import { resolvePlan } from '../../src/config/resolve-plan.js';
import { errorOf } from '../support/error-of.js';

const fixedClock = () => new Date('2026-11-28T08:00:00.000Z');

describe('resolvePlan', () => {
  it('applies the documented defaults', () => {
    const plan = resolvePlan(['rec'], { crm: ['calls.csv'] }, null, fixedClock);
    expect(plan).toMatchObject({
      archives: [{ root: 'rec', idPattern: null }],
      callLogs: [{ files: ['calls.csv'], encoding: 'auto', delimiter: 'auto' }],
      topLevel: {
        idPattern: null,
        idColumn: 'call_id',
        outcomeColumn: 'outcome',
        timeColumn: null,
        encoding: 'auto',
        delimiter: 'auto',
      },
      timezone: 'Europe/Ljubljana',
      out: './callaudit-report',
      formats: ['json', 'csv', 'manifest'],
      failOn: 'violation',
      now: '2026-11-28T08:00:00.000Z',
    });
  });

  it('lets flags win over the config file, and reads the rest from it', () => {
    const loaded = {
      file: 'cfg/callaudit.config.json',
      dir: `${process.cwd()}/cfg`,
      config: parseConfigText(
        JSON.stringify({
          roots: ['../archive'],
          crm: 'logs/*.csv',
          idColumn: 'ID klica',
          failOn: 'review',
          delimiter: 'tab',
        }),
        'cfg/callaudit.config.json',
      ),
    };
    const plan = resolvePlan([], { failOn: 'never' }, loaded, fixedClock);
    expect(plan.archives.map((a) => a.root)).toEqual(['archive']);
    expect(plan.callLogs.flatMap((c) => c.files)).toEqual(['cfg/logs/*.csv']);
    expect(plan.callLogs[0]!.idColumn).toBe('ID klica');
    expect(plan.failOn).toBe('never');
    expect(plan.callLogs[0]!.delimiter).toBe('\t');
    expect(plan.topLevel).toMatchObject({ idColumn: 'ID klica', delimiter: '\t' });
  });

  it('reads --now in the audit time zone when it has no offset', () => {
    const plan = resolvePlan(['r'], { crm: ['c.csv'], now: '2026-07-01T12:00' }, null, fixedClock);
    expect(plan.now).toBe('2026-07-01T10:00:00.000Z');
  });

  it.each([
    [{ crm: ['c.csv'], now: 'yesterday' }, '--now'],
    [{ crm: ['c.csv'], timezone: 'Mars/Olympus' }, '--timezone'],
    [{ crm: ['c.csv'], failOn: 'sometimes' }, '--fail-on'],
    [{ crm: ['c.csv'], concurrency: '0' }, '--concurrency'],
    [{}, '--crm'],
  ])('rejects %j naming %s', (flags, name) => {
    expect(errorOf(() => resolvePlan(['r'], flags, null, fixedClock)).format()).toContain(name);
  });

  it('needs an archive root', () => {
    expect(errorOf(() => resolvePlan([], { crm: ['c.csv'] }, null, fixedClock)).code).toBe('NO_ARCHIVE');
  });
});

describe('config file', () => {
  it('names unknown keys with a suggestion', () => {
    const error = errorOf(() => parseConfigText('{"idColum": "x"}', 'callaudit.config.json'));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toContain('idColum: unknown key (did you mean "idColumn"?)');
  });

  it('names the path and expected type of a wrong value', () => {
    const error = errorOf(() => parseConfigText('{"failOn": 3}', 'c.json'));
    expect(error.message).toMatch(/failOn: .*expected/i);
  });

  it('reports broken JSON with the file name', () => {
    const error = errorOf(() => parseConfigText('{"roots": [', 'c.json'));
    expect(error.code).toBe('CONFIG_INVALID_JSON');
    expect(error.format()).toMatch(/^c\.json: /);
  });

  it('suggests only close names', () => {
    expect(didYouMean('outcomeColum', ['outcomeColumn', 'idColumn'])).toBe('outcomeColumn');
    expect(didYouMean('banana', ['outcomeColumn', 'idColumn'])).toBeNull();
  });
});
