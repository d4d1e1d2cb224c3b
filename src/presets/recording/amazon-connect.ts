import type { RecordingPreset } from './types.js';

/**
 * Amazon Connect writes `<ContactId>_<YYYYMMDD>T<HH>:<MM>_UTC.wav`. The colon is illegal on
 * Windows and appears as `%3A` in URLs, so sync tools leave `%3A`, `_` or `-` in its place.
 */
export const amazonConnect: RecordingPreset = {
  name: 'amazon-connect',
  description: 'Amazon Connect S3 bucket: CallRecordings/YYYY/MM/DD/<ContactId>_<YYYYMMDD>T<HH>:<MM>_UTC.wav',
  include: ['**/*.wav'],
  idPattern: String.raw`(?:^|/)(?<id>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})_(?<date>\d{8})T(?<hour>\d{2})(?::|%3[Aa]|_|-)?(?<minute>\d{2})_UTC\.[A-Za-z0-9]+$`,
  startedAt: {
    groups: ['date', 'hour', 'minute'],
    format: 'yyyyMMdd HH mm',
    zone: 'UTC',
    source: 'filename',
  },
  idMap: null,
  sidecars: [],
  typicalRoot: 's3://<bucket>/connect/<instance-alias>/CallRecordings (synced to a local folder)',
  example: '2026/10/03/5d0ea9ec-0d0a-4cab-8b27-d4353bca6c08_20261003T07:15_UTC.wav',
  command:
    'callaudit audit ./connect/CallRecordings --preset amazon-connect --crm ctr-export.csv --id-column ContactId',
};
