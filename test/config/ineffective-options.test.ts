import { describe, expect, it } from 'vitest';
import { resolveArchives, resolveCallLogs } from '../../src/config/sources.js';
import { CallauditError } from '../../src/errors.js';

const same = (p: string) => p;

function refusal(run: () => unknown): CallauditError {
  try {
    run();
  } catch (error) {
    if (error instanceof CallauditError) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('an option that would have no effect is an error', () => {
  it('--recording-map without the preset that reads it names that preset', () => {
    const error = refusal(() => resolveArchives(['r'], { recordingMap: 'map.csv' }, {}, same, 'UTC'));
    expect(error.code).toBe('OPTION_WITHOUT_EFFECT');
    expect(error.message).toMatch(
      /--recording-map .* no effect for r, audited with no preset: only the twilio preset reads/,
    );
    expect(error.hint).toContain('--preset twilio');
  });

  it('--recording-map with another preset is an error too', () => {
    const error = refusal(() =>
      resolveArchives(['r'], { recordingMap: 'm.csv', preset: '3cx' }, {}, same, 'UTC'),
    );
    expect(error.message).toContain('the 3cx preset');
  });

  it('--recording-map with twilio is read', () => {
    const [archive] = resolveArchives(['r'], { recordingMap: 'm.csv', preset: 'twilio' }, {}, same, 'UTC');
    expect(archive!.recordingMap).toBe('m.csv');
  });

  it('--id-tag without tag in --id-from', () => {
    const error = refusal(() => resolveArchives(['r'], { idTag: 'CALL_ID' }, {}, same, 'UTC'));
    expect(error.message).toMatch(/--id-tag .* not from a tag/);
    expect(() =>
      resolveArchives(['r'], { idTag: 'X', idFrom: 'filename,tag' }, {}, same, 'UTC'),
    ).not.toThrow();
  });

  it('--sidecar-field without sidecars, unless the preset reads sidecars', () => {
    expect(refusal(() => resolveArchives(['r'], { sidecarField: 'a.b' }, {}, same, 'UTC')).code).toBe(
      'OPTION_WITHOUT_EFFECT',
    );
    expect(() =>
      resolveArchives(['r'], { sidecarField: 'a.b', preset: 'genesys-cloud' }, {}, same, 'UTC'),
    ).not.toThrow();
  });

  it('a top-level config map that serves one of several archives is fine; one that serves none is not', () => {
    const config = {
      recordingMap: 'map.csv',
      archives: [{ root: 'a', preset: 'twilio' as const }, { root: 'b' }],
    };
    expect(() => resolveArchives([], {}, config, same, 'UTC')).not.toThrow();
    const unused = { recordingMap: 'map.csv', archives: [{ root: 'b' }] };
    expect(refusal(() => resolveArchives([], {}, unused, same, 'UTC')).message).toContain('"recordingMap"');
  });

  it('--cdr-preset without --cdr', () => {
    const error = refusal(() => resolveCallLogs({ crm: ['c.csv'], cdrPreset: 'asterisk-cdr' }, {}, same));
    expect(error.code).toBe('OPTION_WITHOUT_EFFECT');
    expect(error.message).toContain('--cdr-preset');
    expect(() =>
      resolveCallLogs({ crm: ['c.csv'], cdr: ['m.csv'], cdrPreset: 'asterisk-cdr' }, {}, same),
    ).not.toThrow();
  });
});
