import { describe, expect, it } from 'vitest';
import { describeIdRule } from '../../src/archive/id-rule.js';
import type { ArchiveSource } from '../../src/config/settings.js';
import { recordingPreset } from '../../src/presets/recording/index.js';
import { catalogue } from '../../src/report/messages/render.js';

const EN = catalogue('en').explain.idRules;

const base: ArchiveSource = {
  root: 'monitor',
  preset: null,
  idPattern: null,
  include: null,
  idFrom: ['filename'],
  idTag: null,
  sidecarField: null,
  recordingMap: null,
  timezone: 'Europe/Ljubljana',
};
const describe_ = (
  idSource: Parameters<typeof describeIdRule>[0]['idSource'],
  archive: Partial<ArchiveSource>,
) => describeIdRule({ idSource, archive: { ...base, ...archive }, patternOrigin: '--id-pattern' }, EN);

describe('describeIdRule: where explain says a call ID came from', () => {
  it('names the file name stem when no pattern is set', () => {
    expect(describe_('filename', {})).toBe('found in the file name by the file name without its extension');
  });

  it("names the preset's pattern when the preset's pattern found it (not the file name stem)", () => {
    const freepbx = recordingPreset('freepbx');
    const text = describe_('filename', { preset: 'freepbx', idPattern: freepbx.idPattern });
    expect(text).toBe(`found in the file name by the freepbx preset's pattern ${freepbx.idPattern}`);
  });

  it('names a folder ID found by a preset pattern as the folder path', () => {
    const genesys = recordingPreset('genesys-cloud');
    expect(describe_('path', { preset: 'genesys-cloud', idPattern: genesys.idPattern })).toMatch(
      /^found in the folder path by the genesys-cloud preset's pattern /,
    );
  });

  it('names the user pattern by where it was given, also over a preset', () => {
    expect(describe_('filename', { idPattern: '_(?<id>\\d+)\\.wav$' })).toBe(
      'found in the file name by --id-pattern _(?<id>\\d+)\\.wav$',
    );
    expect(
      describeIdRule(
        {
          idSource: 'filename',
          archive: { ...base, preset: 'freepbx', idPattern: '-(?<id>\\d+)\\.wav$' },
          patternOrigin: 'idPattern of callaudit.config.json',
        },
        EN,
      ),
    ).toBe('found in the file name by idPattern of callaudit.config.json -(?<id>\\d+)\\.wav$');
  });

  it('adds the recording map that turned the name into the call ID', () => {
    const twilio = recordingPreset('twilio');
    expect(
      describe_('filename', {
        preset: 'twilio',
        idPattern: twilio.idPattern,
        recordingMap: 'recordings.csv',
      }),
    ).toMatch(/preset's pattern .*, then mapped to the call ID by the recording map recordings\.csv$/);
  });

  it('names the tag, with --id-tag or its default', () => {
    expect(describe_('tag', { idFrom: ['tag'], idTag: 'TXXX:CALL_ID' })).toBe(
      "found in the recording's tag TXXX:CALL_ID (--id-from tag)",
    );
    expect(describe_('tag', { idFrom: ['tag', 'filename'] })).toBe(
      "found in the recording's tag CALL_ID (--id-from tag,filename)",
    );
  });

  it('names the sidecar field, or the usual field names', () => {
    expect(describe_('sidecar', { idFrom: ['sidecar'], sidecarField: 'meta.callId' })).toBe(
      "found in the sidecar file's field meta.callId",
    );
    expect(describe_('sidecar', { idFrom: ['sidecar'] })).toBe(
      'found in a sidecar file, under one of the usual call-ID field names',
    );
  });

  it('says where it looked when no call ID was found', () => {
    expect(describe_('none', { idFrom: ['tag'] })).toBe('none found: looked in tag');
    expect(describe_('none', { idFrom: ['filename', 'sidecar'], idPattern: 'x(?<id>\\d+)' })).toBe(
      'none found: looked in filename, sidecar by --id-pattern x(?<id>\\d+)',
    );
  });

  it("speaks Slovenian in a Slovenian explain, naming the same preset's pattern", () => {
    const freepbx = recordingPreset('freepbx');
    const text = describeIdRule(
      {
        idSource: 'filename',
        archive: { ...base, preset: 'freepbx', idPattern: freepbx.idPattern },
        patternOrigin: '--id-pattern',
      },
      catalogue('sl').explain.idRules,
    );
    expect(text).toBe(`najden v imenu datoteke po vzorcu prednastavitve freepbx ${freepbx.idPattern}`);
  });
});
