import { describe, expect, it } from 'vitest';
import { compileIdPattern } from '../../src/archive/call-id.js';
import { timeFromName } from '../../src/archive/name-time.js';
import { nameTimeSource, userNameTime } from '../../src/archive/user-name-time.js';
import { CallauditError } from '../../src/errors.js';

const DEMO = compileIdPattern(String.raw`[_ ](?<date>\d{8})-(?<time>\d{4})(?:_(?<id>[A-Z0-9-]+))?\.\w+$`);

describe('--name-time: the call time from the groups of a user pattern', () => {
  it('reads every named group but id, in order, in the audit zone', () => {
    const spec = userNameTime(DEMO, 'yyyyMMdd HHmm');
    expect(spec.groups).toEqual(['date', 'time']);
    expect(
      timeFromName('2026/10/03/in_38640111222_20261003-0915_C-1001.wav', DEMO, spec, 'Europe/Ljubljana'),
    ).toBe('2026-10-03T07:15:00.000Z');
    // A name without a call ID still has its time.
    expect(timeFromName('misc/recording 20261007-1000.wav', DEMO, spec, 'Europe/Ljubljana')).toBe(
      '2026-10-07T08:00:00.000Z',
    );
    expect(timeFromName('misc/recording.wav', DEMO, spec, 'Europe/Ljubljana')).toBeNull();
  });

  it('says whether the time lies in the file name or in the folders', () => {
    const spec = userNameTime(DEMO, 'yyyyMMdd HHmm');
    expect(nameTimeSource('a/in_20261003-0915_C-1.wav', DEMO, spec)).toBe('filename');
    const folders = compileIdPattern(String.raw`^(?<day>\d{4}/\d{2}/\d{2})/.*_(?<id>C-\d+)\.\w+$`);
    expect(nameTimeSource('2026/10/03/in_C-1.wav', folders, userNameTime(folders, 'yyyy/MM/dd'))).toBe(
      'path',
    );
  });

  it('refuses a pattern without groups for the time', () => {
    expect(() => userNameTime(compileIdPattern(String.raw`_(?<id>[A-Z0-9-]+)\.\w+$`), 'yyyyMMdd')).toThrow(
      CallauditError,
    );
  });
});
