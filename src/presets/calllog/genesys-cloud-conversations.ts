import type { CallLogPreset } from './types.js';

/**
 * Genesys Cloud analytics conversation details (the conversation-detail query or job export):
 * one record a conversation; every wrap-up code in the participants' segments is an event.
 * Wrap-up codes there are IDs: map them to their names with --outcome-map.
 */
export const genesysCloudConversations: CallLogPreset = {
  name: 'genesys-cloud-conversations',
  description:
    'Genesys Cloud conversation details (JSON/NDJSON): conversationId, conversationStart, one event per wrap-up code',
  kind: 'business',
  columns: {
    id: ['conversationId'],
    outcome: ['participants[].sessions[].segments[].wrapUpCode'],
    time: ['conversationStart'],
  },
  linkColumns: [],
  idTransform: 'none',
  outcomeLabels: {},
  headerless: null,
  command: '--crm conversations.json --crm-preset genesys-cloud-conversations --outcome-map wrapup-codes.csv',
};
