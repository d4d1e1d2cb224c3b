import type { RecordingPreset } from './types.js';

/**
 * 3CX names recordings `[<display name>]_<from>-<to>_<YYYYMMDDHHMMSS>(<n>).wav` and its database
 * (`recordings.recording_url`) stores that name, so the whole file name is the join key.
 */
export const threeCx: RecordingPreset = {
  name: '3cx',
  description:
    '3CX: [<name>]_<from>-<to>_<YYYYMMDDHHMMSS>(<n>).wav; the file name is the key (recording_url)',
  include: ['**/*.{wav,mp3}'],
  idPattern: String.raw`(?:^|/)(?<id>\[(?<name>[^\]/]*)\]_(?<from>[^_/]*)-(?<to>[^_/]*)_(?<ts>\d{14})\((?<seq>\d+)\)\.[A-Za-z0-9]+)$`,
  startedAt: { groups: ['ts'], format: 'yyyyMMddHHmmss', zone: 'local', source: 'filename' },
  idMap: null,
  sidecars: [],
  typicalRoot: '/var/lib/3cxpbx/Instance1/Data/Recordings',
  example: '100/[Špela Novak]_100-040111222_20261003091500(12).wav',
  command:
    'callaudit audit /var/lib/3cxpbx/Instance1/Data/Recordings --preset 3cx --crm recordings.csv --id-column recording_url',
};
