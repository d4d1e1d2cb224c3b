import type { CallLogPreset } from './types.js';

/**
 * HubSpot calls. The API export writes `hs_call_disposition` as an outcome GUID; the defaults
 * below are HubSpot's own. UI exports use property labels as headers and often the labels as
 * values. `hs_timestamp` is epoch milliseconds or ISO UTC.
 */
export const hubspotCalls: CallLogPreset = {
  name: 'hubspot-calls',
  description:
    'HubSpot calls export (internal names or UI labels): outcome GUIDs mapped to their default labels',
  kind: 'business',
  columns: {
    id: ['hs_call_external_id', 'External call ID', 'Call ID', 'hs_object_id', 'Record ID'],
    outcome: ['hs_call_disposition', 'Call outcome'],
    time: ['hs_timestamp', 'Activity date', 'Create date'],
  },
  linkColumns: [],
  idTransform: 'none',
  outcomeLabels: {
    'f240bbac-87c9-4f6e-bf70-924b57d47db7': 'Connected',
    '9d9162e7-6cf3-4944-bf63-4dff82258764': 'Busy',
    '73a0d17f-1163-4015-bdd5-ec830791da20': 'No answer',
    'a4c4c377-d246-4b32-a13b-75a56a4cd0ff': 'Left live message',
    'b2cf5968-551e-4856-9783-52b3da59a7d0': 'Left voicemail',
    '17b47fee-58de-441e-a44c-c6300d46f273': 'Wrong number',
  },
  headerless: null,
  command: '--crm hubspot-calls.csv --crm-preset hubspot-calls',
};
