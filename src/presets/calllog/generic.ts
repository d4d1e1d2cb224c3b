import type { CallLogPreset } from './types.js';

/** Any CRM export with a header row; name the columns with --id-column / --outcome-column. */
export const genericLog: CallLogPreset = {
  name: 'generic',
  description:
    'Any CSV with a header row: columns call_id and outcome, or name them with --id-column / --outcome-column',
  kind: 'business',
  columns: { id: ['call_id'], outcome: ['outcome'], time: [] },
  linkColumns: [],
  idTransform: 'none',
  outcomeLabels: {},
  headerless: null,
  command: '--crm calls.csv --id-column "ID klica" --outcome-column Izid --time-column Datum',
};
