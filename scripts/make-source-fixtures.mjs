// Writes fixtures/json-sources/: call logs in the record shapes Amazon Connect and Genesys Cloud
// document (see the README there), and the same CRM rows as an Excel workbook.
// Run: node scripts/make-source-fixtures.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';

const dir = join(import.meta.dirname, '..', 'fixtures', 'json-sources');
mkdirSync(dir, { recursive: true });

/** A contact record with the fields the CTR data model documents that callaudit reads or shows. */
function contactRecord(id, start, disposition) {
  return {
    AWSAccountId: '123456789012',
    AWSContactTraceRecordFormatVersion: '2017-03-10',
    Agent: { Username: 'ana.kovac', AfterContactWorkDuration: 20 },
    Attributes: disposition === null ? {} : { disposition },
    Channel: 'VOICE',
    ContactId: id,
    CustomerEndpoint: { Address: '+38640111222', Type: 'TELEPHONE_NUMBER' },
    DisconnectTimestamp: new Date(Date.parse(start) + 300_000).toISOString().replace('.000', ''),
    InitialContactId: null,
    InitiationMethod: 'INBOUND',
    InitiationTimestamp: start,
    InstanceARN: 'arn:aws:connect:eu-central-1:123456789012:instance/00000000-0000-0000-0000-000000000000',
    PreviousContactId: null,
    Recording: {
      Location: `connect-recordings/connect/demo/CallRecordings/2026/10/03/${id}_20261003T0715_UTC.wav`,
      Status: 'AVAILABLE',
      Type: 'AUDIO',
    },
  };
}

const contacts = [
  contactRecord('1f2d3c4b-0000-4000-8000-000000000001', '2026-10-03T07:15:00Z', 'naročilo'),
  contactRecord('1f2d3c4b-0000-4000-8000-000000000002', '2026-10-03T08:02:00Z', 'informacije'),
  contactRecord('1f2d3c4b-0000-4000-8000-000000000003', '2026-10-03T09:30:00Z', null),
];
const ndjson = contacts.map((c) => JSON.stringify(c)).join('\n') + '\n';
writeFileSync(join(dir, 'connect-ctr.ndjson'), ndjson);
// gzip without a timestamp in the header, so the bytes are the same on every run.
writeFileSync(join(dir, 'connect-ctr.ndjson.gz'), gzipSync(ndjson, { level: 9 }));

/** A conversation as the analytics conversation-detail query returns it (participants → sessions → segments). */
function conversation(id, start, wrapUpCodes) {
  return {
    conversationId: id,
    conversationStart: start,
    conversationEnd: new Date(Date.parse(start) + 420_000).toISOString(),
    originatingDirection: 'inbound',
    participants: [
      {
        participantId: `${id}-customer`,
        purpose: 'customer',
        sessions: [
          {
            mediaType: 'voice',
            direction: 'inbound',
            segments: [{ segmentType: 'interact', segmentStart: start }],
          },
        ],
      },
      {
        participantId: `${id}-agent`,
        purpose: 'agent',
        sessions: [
          {
            mediaType: 'voice',
            direction: 'inbound',
            segments: [
              { segmentType: 'interact', segmentStart: start },
              ...wrapUpCodes.map((code) => ({
                segmentType: 'wrapup',
                segmentStart: start,
                wrapUpCode: code,
              })),
            ],
          },
        ],
      },
    ],
  };
}

writeFileSync(
  join(dir, 'genesys-conversations.json'),
  `${JSON.stringify(
    {
      totalHits: 2,
      conversations: [
        conversation('7a1b2c3d-0000-4000-8000-00000000000a', '2026-10-03T07:15:00.000Z', [
          '11111111-aaaa-4000-8000-000000000001',
          '22222222-bbbb-4000-8000-000000000002',
        ]),
        conversation('7a1b2c3d-0000-4000-8000-00000000000b', '2026-10-03T08:40:00.000Z', []),
      ],
    },
    null,
    2,
  )}\n`,
);

const workbook = new ExcelJS.Workbook();
workbook.created = workbook.modified = new Date(Date.UTC(2026, 9, 31));
const sheet = workbook.addWorksheet('Klici');
sheet.addRow(['Poročilo: klici, oktober 2026']);
sheet.addRow(['ID klica', 'Izid', 'Datum']);
sheet.addRow(['1759473900.110', 'Naročilo', '03.10.2026 09:15']);
sheet.addRow([1759473900.12, 'Informacije', new Date(Date.UTC(2026, 9, 3, 10, 2))]).getCell(1).numFmt =
  '0.000';
await workbook.xlsx.writeFile(join(dir, 'crm-report.xlsx'));
console.log(`wrote ${dir}`);
