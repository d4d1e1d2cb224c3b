import { describe, expect, it } from 'vitest';
import {
  compileIdPattern,
  EXAMPLE_ID_PATTERN,
  extractCallId,
  locateCallId,
} from '../../src/archive/call-id.js';
import { CallauditError } from '../../src/errors.js';

const example = compileIdPattern(EXAMPLE_ID_PATTERN);

describe('extractCallId with the example pattern', () => {
  it.each([
    ['2026/10/03/in_38640111222_C-1001.wav', 'C-1001'],
    ['sales/out_C-1002.mp3', 'C-1002'],
    ['out_C-1003.WAV', 'C-1003'],
    ['a/b/c/d/e/f/g/in_C-1004.opus', 'C-1004'],
    ['3cx/[Janez Novak]_100-0836826436_20190211124709(2)_C-1005.wav', 'C-1005'],
    ['prodaja/Špela/out_C-1006.mp3', 'C-1006'],
    ['folder_C-9999/in_C-1007.flac', 'C-1007'],
  ])('%s → %s', (path, id) => {
    expect(extractCallId(path, example)).toBe(id);
  });

  it.each([
    'misc/recording.wav',
    'misc/voicemail 2026-10-07.wav',
    'in_c-1001.wav',
    'in_C-1001',
    'folder_C-1001/recording.wav',
  ])('%s has no call ID', (path) => {
    expect(extractCallId(path, example)).toBeNull();
  });
});

describe('extractCallId without a pattern takes the file name without its extension', () => {
  it.each([
    ['2026/10/03/C-1001.wav', 'C-1001'],
    [
      'force-989213709907-7001-20170727-001528-1501103728.3076.wav',
      'force-989213709907-7001-20170727-001528-1501103728.3076',
    ],
    ['a/b/name.tar.gz', 'name.tar'],
    ['Žiga Čuk/ćevapčiči.mp3', 'ćevapčiči'],
    ['no-extension', 'no-extension'],
    ['.hidden', '.hidden'],
    ['dir/ padded .wav', 'padded'],
  ])('%s → %s', (path, id) => {
    expect(extractCallId(path, null)).toBe(id);
  });

  it('gives null when nothing but white space is left', () => {
    expect(extractCallId('dir/   .wav', null)).toBeNull();
  });
});

describe('extractCallId with custom patterns', () => {
  it('matches against the whole relative path (Genesys: ID in a folder name)', () => {
    const genesys = compileIdPattern(
      String.raw`(?:^|/)conversation_id=(?<id>[0-9a-f-]{36})/[0-9a-f-]{36}\.(?:opus|wav)$`,
    );
    const path =
      'year=2026/month=10/day=03/hour=7/conversation_id=5d0ea9ec-0d0a-4cab-8b27-d4353bca6c08/0a1b2c3d-0d0a-4cab-8b27-d4353bca6c08.opus';
    expect(locateCallId(path, genesys)).toEqual({
      callId: '5d0ea9ec-0d0a-4cab-8b27-d4353bca6c08',
      idSource: 'path',
    });
  });

  it('handles 3CX names full of brackets and parentheses', () => {
    const threeCx = compileIdPattern(String.raw`\[[^\]]*\]_(?<id>[^_]+_\d{14}\(\d+\))\.wav$`);
    expect(extractCallId('100/[Zinhle Phungula]_201-0114627554_20190219120918(380).wav', threeCx)).toBe(
      '201-0114627554_20190219120918(380)',
    );
    expect(extractCallId('100/[]_100-0836826436_20190211124709(2).wav', threeCx)).toBe(
      '100-0836826436_20190211124709(2)',
    );
  });

  it('handles Amazon Connect names with a colon', () => {
    const connect = compileIdPattern(
      String.raw`(?<id>[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12})_\d{8}T\d\d:\d\d_UTC\.wav$`,
    );
    expect(
      extractCallId(
        'CallRecordings/2020/02/18/5d0ea9ec-0d0a-4cab-8b27-d4353bca6c08_20200218T23:27_UTC.wav',
        connect,
      ),
    ).toBe('5d0ea9ec-0d0a-4cab-8b27-d4353bca6c08');
  });

  it('anchors FreePBX names from the right, where the unique ID is', () => {
    const freepbx = compileIdPattern(String.raw`-\d{8}-\d{6}-(?<id>[^/]+)\.\w+$`);
    expect(
      extractCallId('2025/03/27/force-0821XXXX8663-3201-20250327-092517-1743042317.12206.wav', freepbx),
    ).toBe('1743042317.12206');
    expect(extractCallId('2017/07/27/in-s-unknown-20170727-002427-pbx-a-1501104267.3080.WAV', freepbx)).toBe(
      'pbx-a-1501104267.3080',
    );
  });

  it('reads Unicode letters with \\p{…} classes', () => {
    const unicode = compileIdPattern(String.raw`_(?<id>[\p{Lu}\d-]+)\.\w+$`);
    expect(extractCallId('Špela/klic_ČŽ-42.wav', unicode)).toBe('ČŽ-42');
  });

  it('trims the ID and treats an empty or non-participating group as none', () => {
    expect(extractCallId('in_ C-1 .wav', compileIdPattern(String.raw`_(?<id>[^_]+)\.wav$`))).toBe('C-1');
    expect(extractCallId('in_   .wav', compileIdPattern(String.raw`_(?<id>[^_]*)\.wav$`))).toBeNull();
    expect(extractCallId('in.wav', compileIdPattern(String.raw`(?:_(?<id>\d+))?\.wav$`))).toBeNull();
  });

  it('gives the same answer on every call even for a global pattern', () => {
    const global = new RegExp(EXAMPLE_ID_PATTERN, 'g');
    expect(extractCallId('x/in_C-1.wav', global)).toBe('C-1');
    expect(extractCallId('x/in_C-1.wav', global)).toBe('C-1');
  });

  it('says filename when the ID lies in the last path segment, path otherwise', () => {
    expect(locateCallId('a/b/in_C-1.wav', example)).toEqual({ callId: 'C-1', idSource: 'filename' });
    expect(locateCallId('C-7/take1.wav', compileIdPattern(String.raw`^(?<id>C-\d+)/`))).toEqual({
      callId: 'C-7',
      idSource: 'path',
    });
    expect(locateCallId('misc/recording.wav', example)).toEqual({ callId: null, idSource: 'none' });
    expect(locateCallId('a/C-1.wav', null)).toEqual({ callId: 'C-1', idSource: 'filename' });
  });

  it('falls back to the match position for patterns compiled without the d flag', () => {
    expect(locateCallId('a/in_C-1.wav', /_(?<id>[A-Z0-9-]+)\.\w+$/)).toEqual({
      callId: 'C-1',
      idSource: 'filename',
    });
    expect(locateCallId('C-7/take1.wav', /^(?<id>C-\d+)\//)).toEqual({ callId: 'C-7', idSource: 'path' });
  });
});

describe('compileIdPattern', () => {
  function errorOf(source: string): CallauditError {
    try {
      compileIdPattern(source);
    } catch (error) {
      expect(error).toBeInstanceOf(CallauditError);
      return error as CallauditError;
    }
    throw new Error(`compileIdPattern accepted ${source}`);
  }

  it.each(['_(?<id>[A-Z', '(?<id>a)(?<id>b)', '*.wav', '', '   '])(
    'rejects the invalid pattern %j',
    (source) => {
      const error = errorOf(source);
      expect(error.code).toBe('BAD_ID_PATTERN');
      expect(error.message).toContain(JSON.stringify(source));
      expect(error.hint).toContain(EXAMPLE_ID_PATTERN);
    },
  );

  it.each([
    String.raw`_([A-Z0-9-]+)\.\w+$`,
    String.raw`_(?<callid>[A-Z0-9-]+)\.\w+$`,
    String.raw`\(?<id>x\)`,
  ])('rejects %s, which has no group named id', (source) => {
    const error = errorOf(source);
    expect(error.code).toBe('BAD_ID_PATTERN');
    expect(error.message).toMatch(/no named group "id"/);
    expect(error.hint).toContain(EXAMPLE_ID_PATTERN);
    expect(error.format()).toContain('→');
  });

  it('accepts escapes other regex dialects allow but Unicode mode rejects', () => {
    const lenient = compileIdPattern(String.raw`\_(?<id>\d+)\.wav$`);
    expect(extractCallId('in_123.wav', lenient)).toBe('123');
  });

  it('accepts a group named id nested anywhere', () => {
    expect(extractCallId('x/a-b.wav', compileIdPattern(String.raw`^(?:x/(?:(?<id>a)-b))\.wav$`))).toBe('a');
  });
});
