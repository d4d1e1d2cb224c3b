import type { CallLogPreset } from './types.js';

/**
 * Amazon Connect contact records (CTR), as JSON or as NDJSON from Kinesis Firehose (often
 * gzip-compressed). Connect has no built-in disposition: the flow or the agent sets a contact
 * attribute, so name it with --outcome-column Attributes.<name>; the common names are tried.
 */
export const amazonConnectCtr: CallLogPreset = {
  name: 'amazon-connect-ctr',
  description:
    'Amazon Connect contact records (JSON/NDJSON): ContactId, InitiationTimestamp, the outcome in a contact attribute',
  kind: 'business',
  columns: {
    id: ['ContactId'],
    outcome: ['Attributes.disposition', 'Attributes.Disposition', 'Attributes.outcome', 'Attributes.Outcome'],
    time: ['InitiationTimestamp'],
  },
  linkColumns: [],
  idTransform: 'none',
  outcomeLabels: {},
  headerless: null,
  command: '--crm ctr.ndjson.gz --crm-preset amazon-connect-ctr --outcome-column Attributes.disposition',
};
