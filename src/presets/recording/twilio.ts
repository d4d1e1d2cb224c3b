import type { RecordingPreset } from './types.js';

/**
 * Twilio media is fetched as `<RecordingSid>.wav|mp3`, and the RecordingSid is not the CallSid
 * a CRM stores: a RecordingSid → CallSid list (Recordings CSV or status callbacks) joins them.
 */
export const twilio: RecordingPreset = {
  name: 'twilio',
  description:
    'Twilio downloads: RE<32 hex>.wav|mp3, joined to calls through a RecordingSid → CallSid CSV (--recording-map)',
  include: ['**/*.{wav,mp3}'],
  idPattern: String.raw`(?:^|/)(?<id>RE[0-9a-fA-F]{32})\.[A-Za-z0-9]+$`,
  startedAt: null,
  idMap: {
    fromColumns: ['RecordingSid', 'Sid', 'sid', 'recording_sid'],
    toColumns: ['CallSid', 'call_sid'],
    why: 'Twilio names recordings by RecordingSid (RE…), but call logs key on the CallSid (CA…)',
  },
  sidecars: [],
  typicalRoot: 'wherever your download script saved the Recordings media',
  example: 'RE0123456789abcdef0123456789abcdef.wav',
  command:
    'callaudit audit ./twilio-recordings --preset twilio --recording-map recordings.csv --crm calls.csv --id-column CallSid',
};
