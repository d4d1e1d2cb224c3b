import { describe, expect, it } from 'vitest';
import { resolveArchives, resolveCallLogs } from '../../src/config/sources.js';
import { resolvePlan } from '../../src/config/resolve-plan.js';
import { CallauditError } from '../../src/errors.js';

const same = (p: string) => p;

describe('archive sources', () => {
  it('takes flag, then the entry, then the top level, then the preset', () => {
    const config = {
      idPattern: 'top-(?<id>\\d+)',
      archives: [
        { root: 'a', preset: 'freepbx' as const },
        { root: 'b', idPattern: 'own-(?<id>\\d+)' },
      ],
    };
    const [a, b] = resolveArchives([], {}, config, same, 'Europe/Ljubljana');
    expect(a).toMatchObject({ root: 'a', preset: 'freepbx', idPattern: 'top-(?<id>\\d+)' });
    expect(b).toMatchObject({ root: 'b', preset: null, idPattern: 'own-(?<id>\\d+)', idFrom: ['filename'] });
    const [flagged] = resolveArchives(['x'], { preset: '3cx', include: ['**/*.mp3'] }, config, same, 'UTC');
    expect(flagged).toMatchObject({ root: 'x', preset: '3cx', include: ['**/*.mp3'], timezone: 'UTC' });
  });

  it('uses the preset include globs and pattern when nothing overrides them', () => {
    const [a] = resolveArchives(['r'], { preset: 'amazon-connect' }, {}, same, 'UTC');
    expect(a!.include).toEqual(['**/*.wav']);
    expect(a!.idPattern).toContain('_UTC');
  });

  it('rejects an unknown --id-from source', () => {
    expect(() => resolveArchives(['r'], { idFrom: 'filename,id3' }, {}, same, 'UTC')).toThrow(CallauditError);
  });
});

describe('call-log sources', () => {
  it('--cdr files keep their preset columns while column flags name the CRM columns', () => {
    const [crm, cdr] = resolveCallLogs(
      { crm: ['crm.csv'], cdr: ['cdr.csv'], idColumn: 'ID klica', dateFormat: 'dd.MM.yyyy' },
      {},
      same,
    );
    expect(crm).toMatchObject({
      files: ['crm.csv'],
      preset: null,
      idColumn: 'ID klica',
      dateFormat: 'dd.MM.yyyy',
    });
    expect(cdr).toMatchObject({
      files: ['cdr.csv'],
      preset: 'freepbx-cdr',
      idColumn: null,
      dateFormat: null,
    });
  });

  it("a callLogs[] entry's own preset is not overridden by top-level columns or --crm-preset", () => {
    const config = {
      idColumn: 'call_id',
      callLogs: [
        { file: 'hub.csv', preset: 'hubspot-calls' as const },
        { file: 'x.csv', encoding: 'windows-1250' as const },
      ],
    };
    const [hub, plain] = resolveCallLogs({ crmPreset: 'salesforce-task' }, config, same);
    expect(hub).toMatchObject({ preset: 'hubspot-calls', idColumn: null });
    expect(plain).toMatchObject({ preset: 'salesforce-task', encoding: 'windows-1250' });
  });

  it('the plan lists every file of every source as crm', () => {
    const plan = resolvePlan(['rec'], { crm: ['a.csv'], cdr: ['b.csv'] }, null);
    expect(plan.callLogs.flatMap((c) => c.files)).toEqual(['a.csv', 'b.csv']);
    expect(plan.callLogs).toHaveLength(2);
  });
});
