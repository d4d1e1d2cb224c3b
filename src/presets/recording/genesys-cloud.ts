import type { RecordingPreset } from './types.js';

/**
 * Genesys Cloud's S3 bulk export: `<org>/year=/month=/day=/hour=/conversation_id=<uuid>/` holds
 * files named by recordingId, each with a `<file>_metadata.json` sidecar. Analytics exports
 * key on the conversation ID, so that is the call ID; the folder hour is UTC.
 */
export const genesysCloud: RecordingPreset = {
  name: 'genesys-cloud',
  description:
    'Genesys Cloud S3 export: year=/month=/day=/hour=/conversation_id=<uuid>/<recordingId>.opus + _metadata.json',
  include: ['**/*.{opus,ogg,wav,mp3}'],
  idPattern: String.raw`^(?:(?:.*/)?year=(?<year>\d{4})/month=(?<month>\d{1,2})/day=(?<day>\d{1,2})/hour=(?<hour>\d{1,2})/)?(?:.*/)?conversation_id=(?<id>[0-9a-fA-F-]{36})/(?<recordingId>[^/]+)\.[A-Za-z0-9]+$`,
  startedAt: { groups: ['year', 'month', 'day', 'hour'], format: 'yyyy M d H', zone: 'UTC', source: 'path' },
  idMap: null,
  sidecars: ['{file}_metadata.json'],
  typicalRoot: 's3://<bucket>/<organizationId> (synced to a local folder)',
  example:
    'year=2026/month=10/day=3/hour=7/conversation_id=0b4e5bd2-6c61-4a4e-9d1c-6f1f2d1e9a01/' +
    '7d9f1c2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f.opus',
  command:
    'callaudit audit ./genesys-export --preset genesys-cloud --crm conversations.csv --id-column conversationId',
};
