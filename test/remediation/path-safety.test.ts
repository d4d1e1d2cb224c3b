import { describe, expect, it } from 'vitest';
import { isWithin } from '../../src/real-path.js';
import { safeSegments } from '../../src/remediation/path-safety.js';

describe('manifest paths', () => {
  it('splits a normal relative path, including names full of glob and shell characters', () => {
    expect(safeSegments('2026/10/03/in_38640111222_C-1001.wav')).toEqual([
      '2026',
      '10',
      '03',
      'in_38640111222_C-1001.wav',
    ]);
    expect(safeSegments('3cx/[Janez Novak]_100-0386(3)_C-1.wav')).toHaveLength(2);
    expect(safeSegments('prodaja/Špela/..wav')).toEqual(['prodaja', 'Špela', '..wav']);
  });

  it.each([
    ['/etc/passwd', 'absolute'],
    ['C:/recordings/a.wav', 'absolute'],
    ['c:a.wav', 'absolute'],
    ['../a.wav', '".."'],
    ['a/../../b.wav', '".."'],
    ['a/..', '".."'],
    ['./a.wav', 'empty segment'],
    ['a//b.wav', 'empty segment'],
    ['a/', 'empty segment'],
    ['a\\..\\b.wav', 'backslash'],
    ['\\\\server\\share\\a.wav', 'backslash'],
    ['a\0.wav', 'NUL'],
  ])('refuses %j (%s)', (relative, why) => {
    const result = safeSegments(relative);
    expect(result).toMatchObject({ code: 'UNSAFE_PATH' });
    expect((result as { detail: string }).detail).toContain(why);
  });

  it('knows what lies within a folder', () => {
    expect(isWithin('/srv/archive/a.wav', '/srv/archive')).toBe(true);
    expect(isWithin('/srv/archive', '/srv/archive')).toBe(true);
    expect(isWithin('/srv/archive-2/a.wav', '/srv/archive')).toBe(false);
    expect(isWithin('/srv/a.wav', '/srv/archive')).toBe(false);
    expect(isWithin('/srv/archive/..q', '/srv/archive')).toBe(true);
  });
});
