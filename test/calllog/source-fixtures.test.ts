import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAnyCallLog } from '../../src/calllog/read-any-call-log.js';
import { sourceOptions } from '../support/call-log-options.js';
import { REPO } from '../support/run-cli.js';

const dir = path.join(REPO, 'fixtures/json-sources');

const options = sourceOptions;

describe('the committed fixtures in the vendors’ documented shapes', () => {
  it('reads the Connect contact records the same from NDJSON and from its gzip', async () => {
    const plain = await readAnyCallLog(
      path.join(dir, 'connect-ctr.ndjson'),
      'ctr',
      options({ preset: 'amazon-connect-ctr' }),
    );
    const gzip = await readAnyCallLog(
      path.join(dir, 'connect-ctr.ndjson.gz'),
      'ctr',
      options({ preset: 'amazon-connect-ctr' }),
    );
    expect(plain.events.map((e) => [e.callId.slice(-1), e.outcome, e.at])).toEqual([
      ['1', 'naročilo', '2026-10-03T07:15:00.000Z'],
      ['2', 'informacije', '2026-10-03T08:02:00.000Z'],
      ['3', '', '2026-10-03T09:30:00.000Z'],
    ]);
    expect(gzip.events).toEqual(plain.events);
  });

  it('reads one event per wrap-up code from the Genesys conversation details', async () => {
    const log = await readAnyCallLog(
      path.join(dir, 'genesys-conversations.json'),
      'conversations.json',
      options({ preset: 'genesys-cloud-conversations' }),
    );
    expect(log.events.map((e) => [e.callId.slice(-1), e.outcome.slice(0, 8)])).toEqual([
      ['a', '11111111'],
      ['a', '22222222'],
      ['b', ''],
    ]);
  });

  it('reads the CRM report workbook below its title row, IDs as shown', async () => {
    const log = await readAnyCallLog(
      path.join(dir, 'crm-report.xlsx'),
      'crm-report.xlsx',
      options({ idColumn: 'ID klica', outcomeColumn: 'Izid', timeColumn: 'Datum' }),
    );
    expect(log.events.map((e) => [e.callId, e.at, e.file, e.line])).toEqual([
      ['1759473900.110', '2026-10-03T07:15:00.000Z', 'crm-report.xlsx#Klici', 3],
      ['1759473900.120', '2026-10-03T08:02:00.000Z', 'crm-report.xlsx#Klici', 4],
    ]);
  });
});
