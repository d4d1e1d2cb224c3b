import type { CallLogPreset } from './types.js';

/**
 * FreePBX's asteriskcdrdb.cdr exported as CSV. `recordingfile` names the recording itself, so it
 * is the surest link; `uniqueid`, then `linkedid`, serve rows without one.
 */
export const freepbxCdr: CallLogPreset = {
  name: 'freepbx-cdr',
  description:
    'FreePBX asteriskcdrdb.cdr export (CSV with header): joins on recordingfile, then uniqueid, then linkedid',
  kind: 'telephony',
  columns: { id: ['recordingfile', 'uniqueid', 'linkedid'], outcome: ['disposition'], time: ['calldate'] },
  linkColumns: ['linkedid'],
  idTransform: 'asterisk-recordingfile',
  outcomeLabels: {},
  headerless: null,
  command: '--crm cdr.csv --crm-preset freepbx-cdr',
  table: 'cdr',
};
