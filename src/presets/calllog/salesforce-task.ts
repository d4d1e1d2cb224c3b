import type { CallLogPreset } from './types.js';

/**
 * Salesforce Task (call activity). Data Loader writes API names and ISO UTC times; a report
 * export writes field labels ("Call Object Identifier", "Call Result") and locale dates such as
 * `15. 01. 2024`, which the time reader understands too.
 */
export const salesforceTask: CallLogPreset = {
  name: 'salesforce-task',
  description:
    'Salesforce Task export (Data Loader API names or report labels): CallObject, CallDisposition, CreatedDate',
  kind: 'business',
  columns: {
    id: ['CallObject', 'Call Object Identifier'],
    outcome: ['CallDisposition', 'Call Result'],
    time: ['CreatedDate', 'Created Date', 'ActivityDate', 'Due Date', 'Date'],
  },
  linkColumns: [],
  idTransform: 'none',
  outcomeLabels: {},
  headerless: null,
  command: '--crm tasks.csv --crm-preset salesforce-task',
};
