import type { RecordingPreset } from './types.js';

/**
 * FreePBX names recordings `<kind>-<to>-<from>-<YYYYMMDD>-<HHMMSS>-<uniqueid>.<ext>` in
 * `YYYY/MM/DD/` folders. The uniqueid may carry an Asterisk `systemname-` prefix that itself
 * contains `-`, so the pattern anchors on the date and time and reads the rest from the right.
 */
export const freepbx: RecordingPreset = {
  name: 'freepbx',
  description:
    'Asterisk MixMonitor / FreePBX / Issabel: YYYY/MM/DD/<kind>-<to>-<from>-<date>-<time>-<uniqueid>.wav',
  include: ['**/*.{wav,gsm,mp3,ogg}'],
  idPattern: String.raw`-(?<date>\d{8})-(?<time>\d{6})-(?<id>(?:[^/]*-)?\d+\.\d+)\.[A-Za-z0-9]+$`,
  startedAt: { groups: ['date', 'time'], format: 'yyyyMMdd HHmmss', zone: 'local', source: 'filename' },
  idMap: null,
  sidecars: [],
  typicalRoot: '/var/spool/asterisk/monitor',
  example: '2026/10/03/in-38615001234-38640111222-20261003-091500-1759475700.12.wav',
  command:
    'callaudit audit /var/spool/asterisk/monitor --preset freepbx --timezone Europe/Ljubljana ' +
    '--cdr cdr.csv --cdr-preset freepbx-cdr --crm crm.csv --crm-preset salesforce-task',
};
