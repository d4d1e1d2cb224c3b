import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileIdPattern, locateCallId } from '../../src/archive/call-id.js';
import { nameShape } from '../../src/archive/name-shapes.js';
import { timeFromName } from '../../src/archive/name-time.js';
import { readSidecarId } from '../../src/archive/sidecar.js';
import { findTagValue } from '../../src/archive/tag-ids.js';
import { readCallLog } from '../../src/calllog/read-call-log.js';
import { isAmbiguous, makeTimeReader } from '../../src/calllog/time-reader.js';
import { asteriskLayout } from '../../src/presets/calllog/asterisk-cdr.js';
import { callLogPreset, ID_TRANSFORMS } from '../../src/presets/calllog/index.js';
import { RECORDING_PRESETS, recordingPreset } from '../../src/presets/recording/index.js';
import { sourceOptions } from '../support/call-log-options.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'callaudit-presets-unit-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('recording presets', () => {
  it.each(RECORDING_PRESETS.filter((p) => p.idPattern !== null))(
    '$name compiles and reads a call ID from its own example',
    (preset) => {
      const pattern = compileIdPattern(preset.idPattern!);
      expect(locateCallId(preset.example, pattern).callId).not.toBeNull();
    },
  );

  it.each([
    ['force-989213709907-7001-20170727-001528-1501103728.3076.wav', '1501103728.3076'],
    ['force-s-unknown-20170727-002427-1501104267.3080.wav', '1501104267.3080'],
    ['2025/03/27/force-0821XXXX8663-3201-20250327-092517-1743042317.12206.WAV', '1743042317.12206'],
    ['in-100-200-20261003-091500-my-pbx-1-1729512345.123.gsm', 'my-pbx-1-1729512345.123'],
  ])('freepbx reads %s from the right', (name, id) => {
    expect(locateCallId(name, compileIdPattern(recordingPreset('freepbx').idPattern!)).callId).toBe(id);
  });

  it.each(['07:15', '07%3A15', '07%3a15', '07_15', '07-15'])(
    'amazon-connect accepts the colon written as %s',
    (hm) => {
      const preset = recordingPreset('amazon-connect');
      const pattern = compileIdPattern(preset.idPattern!);
      const name = `2026/10/03/5d0ea9ec-0d0a-4cab-8b27-d4353bca6c08_20261003T${hm}_UTC.wav`;
      expect(locateCallId(name, pattern).callId).toBe('5d0ea9ec-0d0a-4cab-8b27-d4353bca6c08');
      expect(timeFromName(name, pattern, preset.startedAt!, 'Europe/Ljubljana')).toBe(
        '2026-10-03T07:15:00.000Z',
      );
    },
  );

  it('reads FreePBX name times as wall time in --timezone, across the DST change', () => {
    const preset = recordingPreset('freepbx');
    const pattern = compileIdPattern(preset.idPattern!);
    const summer = 'in-1-2-20261024-120000-1.1.wav';
    const winter = 'in-1-2-20261026-120000-1.2.wav';
    expect(timeFromName(summer, pattern, preset.startedAt!, 'Europe/Ljubljana')).toBe(
      '2026-10-24T10:00:00.000Z',
    );
    expect(timeFromName(winter, pattern, preset.startedAt!, 'Europe/Ljubljana')).toBe(
      '2026-10-26T11:00:00.000Z',
    );
    expect(timeFromName(winter, pattern, preset.startedAt!, 'UTC')).toBe('2026-10-26T12:00:00.000Z');
  });

  it('suggests the preset meant for a misspelt name', () => {
    expect(() => recordingPreset('amazon')).toThrow(/amazon-connect/);
    expect(() => callLogPreset('salesforce')).toThrow(/salesforce-task/);
  });
});

describe('asterisk-cdr layouts', () => {
  const row = (n: number, seventeenth = '1729512345.123') =>
    Array.from({ length: n }, (_, i) => (i === 16 ? seventeenth : `v${i}`));

  it.each([
    [16, undefined, []],
    [17, '1729512345.123', ['uniqueid']],
    [17, 'vip-customer', ['userfield']],
    [18, undefined, ['uniqueid', 'userfield']],
    [19, undefined, ['peeraccount', 'linkedid', 'sequence']],
    [21, undefined, ['uniqueid', 'userfield', 'peeraccount', 'linkedid', 'sequence']],
  ] as const)('%i columns (17th "%s") → %j after amaflags', (n, seventeenth, extra) => {
    const layout = asteriskLayout(row(n, seventeenth))!;
    expect(layout.headers.slice(16)).toEqual(extra);
    expect(layout.description).toContain(`${n} columns`);
  });

  it('knows no 15- or 22-column layout', () => {
    expect(asteriskLayout(row(15))).toBeNull();
    expect(asteriskLayout(row(22))).toBeNull();
  });

  it.each([
    ['Master-16.csv', /16 columns/],
    ['Master-17.csv', /uniqueid after amaflags/],
    ['Master-18.csv', /uniqueid, userfield after/],
  ])('reads %s and says which layout it assumed', async (file, layout) => {
    const options = sourceOptions({
      preset: 'asterisk-cdr',
      idColumn: file === 'Master-16.csv' ? 'src' : null,
    });
    const result = await readCallLog(path.join(REPO, 'fixtures/asterisk-cdr/layouts', file), file, options);
    expect(result.layout).toMatch(layout);
    expect(result.events).toHaveLength(1);
    expect(result.events[0]).toMatchObject({ outcome: 'ANSWERED', telephony: true, line: 1 });
  });

  it('takes the uniqueid out of a FreePBX recordingfile, bare or with a path', () => {
    const t = ID_TRANSFORMS['asterisk-recordingfile'];
    expect(t('out-1-2-20261003-093000-pbx1-1759476600.20.WAV')).toBe('pbx1-1759476600.20');
    expect(t('/var/spool/asterisk/monitor/2026/10/04/q-600-3864-20261004-101500-1759565700.31.gsm')).toBe(
      '1759565700.31',
    );
    expect(t('custom-name.wav')).toBe('custom-name.wav');
  });
});

describe('call-log times', () => {
  const read = makeTimeReader('Europe/Ljubljana');
  it('reads epoch milliseconds and seconds (HubSpot) and RFC 2822 (Twilio)', () => {
    expect(read('1791270000000')).toBe('2026-10-06T07:00:00.000Z');
    expect(read('1791270000')).toBe('2026-10-06T07:00:00.000Z');
    expect(read('Sat, 03 Oct 2026 07:15:30 +0000')).toBe('2026-10-03T07:15:30.000Z');
  });

  it('reads a slashed date only when one reading exists', () => {
    expect(read('14/03/2026 10:00')).toBe('2026-03-14T09:00:00.000Z');
    expect(read('03/14/2026 10:00')).toBe('2026-03-14T09:00:00.000Z');
    expect(read('05/05/2026')).toBe('2026-05-04T22:00:00.000Z');
    const ambiguous = read('03/04/2026');
    expect(isAmbiguous(ambiguous) && ambiguous.readings).toEqual(['3 April 2026', '4 March 2026']);
  });

  it('uses --date-format alone when given', () => {
    const us = makeTimeReader('Europe/Ljubljana', 'MM/dd/yyyy h:mm a');
    expect(us('03/04/2026 9:15 AM')).toBe('2026-03-04T08:15:00.000Z');
    expect(us('2026-03-04 09:15')).toBeNull();
  });
});

describe('call IDs in tags and sidecars', () => {
  const native = {
    'ID3v2.3': [
      { id: 'TXXX:CALL_ID', value: 'id3-id' },
      { id: 'COMM', value: { language: 'eng', descriptor: '', text: 'comment-id' } },
    ],
    iTunes: [{ id: '----:com.apple.iTunes:CALL_ID', value: 'mp4-id' }],
    exif: [
      { id: 'ICMT', value: 'riff-id' },
      { id: 'bext.originatorReference', value: 'bwf-id\0\0' },
    ],
  };

  it('finds a bare name wherever formats keep it, and a qualified name only there', () => {
    expect(findTagValue(native, 'CALL_ID')).toBe('id3-id');
    expect(findTagValue({ iTunes: native.iTunes }, 'call_id')).toBe('mp4-id');
    expect(findTagValue(native, '----:com.apple.iTunes:CALL_ID')).toBe('mp4-id');
    expect(findTagValue(native, 'COMM')).toBe('comment-id');
    expect(findTagValue(native, 'ICMT')).toBe('riff-id');
    expect(findTagValue(native, 'originatorReference')).toBe('bwf-id');
    expect(findTagValue(native, 'TXXX:OTHER')).toBeNull();
  });

  it('reads JSON by dotted path, XML by element, and reports invalid JSON', async () => {
    const audio = path.join(tmp, 'call.wav');
    writeFileSync(`${audio}.json`, JSON.stringify({ call: { id: 'json-id' } }));
    expect(await readSidecarId(audio, 'call.id')).toMatchObject({ callId: 'json-id' });
    const other = path.join(tmp, 'other.wav');
    writeFileSync(path.join(tmp, 'other.xml'), '<recording><CallId>xml-id</CallId></recording>');
    expect(await readSidecarId(other, null)).toMatchObject({ callId: 'xml-id' });
    const broken = path.join(tmp, 'broken.wav');
    writeFileSync(`${broken}_metadata.json`, '{"conversationId": ');
    expect(await readSidecarId(broken, null)).toMatchObject({
      found: true,
      error: expect.stringContaining('JSON'),
    });
    expect(await readSidecarId(path.join(tmp, 'none.wav'), null)).toEqual({ found: false });
  });
});

describe('name shapes', () => {
  it('turns digit and letter runs into 9 and a, keeping the extension', () => {
    expect(nameShape('2017/07/27/force-989213709907-7001-20170727-001528-1501103728.3076.wav')).toBe(
      'a-9-9-9-9-9.9.wav',
    );
    expect(nameShape('x/[Špela Novak]_100-040_20261003091500(12).wav')).toBe('[a a]_9-9_9(9).wav');
  });
});
