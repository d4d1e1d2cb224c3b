import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { readAnyCallLog } from '../../src/calllog/read-any-call-log.js';
import { CALL_LOG_OPTIONS, columns } from '../support/call-log-options.js';
import { rejectionOf } from '../support/error-of.js';
import { rmSync } from 'node:fs';

const dir = mkdtempSync(path.join(tmpdir(), 'callaudit-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function workbook(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe('Excel call logs', () => {
  it('finds the header below a title row, skips a hidden sheet, and names sheet and row as evidence', async () => {
    const file = await workbook('report.xlsx', (wb) => {
      wb.addWorksheet('Summary').addRow(['Calls, October 2026']);
      wb.addWorksheet('Hidden', { state: 'hidden' }).addRow(['call_id', 'outcome', 'time']);
      const sheet = wb.addWorksheet('Klici');
      sheet.addRow(['CRM report: klici']);
      sheet.addRow([]);
      sheet.addRow(['Call_ID', 'Outcome', 'Time']);
      sheet.addRow(['A-1', 'naročilo', '2026-10-03 09:15']);
      sheet.addRow([]);
      sheet.addRow(['A-2', 'informacije', '2026-10-03 10:00']);
    });
    const log = await readAnyCallLog(file, 'report.xlsx', CALL_LOG_OPTIONS);
    expect(log.format).toBe('xlsx');
    expect(log.source).toBe('Klici');
    expect(log.events.map((e) => [e.callId, e.outcome, e.file, e.line])).toEqual([
      ['A-1', 'naročilo', 'report.xlsx#Klici', 4],
      ['A-2', 'informacije', 'report.xlsx#Klici', 6],
    ]);
    expect(log.rows).toBe(2);
  });

  it('reads a hidden sheet when it is named, by name or by position', async () => {
    const file = await workbook('hidden.xlsx', (wb) => {
      wb.addWorksheet('Visible').addRow(['nothing here']);
      const hidden = wb.addWorksheet('Skrito', { state: 'hidden' });
      hidden.addRow(['call_id', 'outcome', 'time']);
      hidden.addRow(['H-1', 'odpoved', '2026-10-03 09:15']);
    });
    for (const sheet of ['Skrito', '2']) {
      const log = await readAnyCallLog(file, 'hidden.xlsx', { ...CALL_LOG_OPTIONS, workbook: { sheet } });
      expect(log.events.map((e) => e.callId)).toEqual(['H-1']);
    }
    const error = await rejectionOf(readAnyCallLog(file, 'hidden.xlsx', CALL_LOG_OPTIONS));
    expect(error.code).toBe('XLSX_NO_HEADER');
    expect(error.message).toContain('"Visible"');
    expect(error.hint).toContain('--sheet');
  });

  it('keeps the digits of numeric call IDs, trailing zeros included, as the number format shows them', async () => {
    const file = await workbook('ids.xlsx', (wb) => {
      const sheet = wb.addWorksheet('CDR');
      sheet.addRow(['call_id', 'outcome', 'time']);
      sheet.addRow([1759473900.107, 'naročilo', '2026-10-03 09:15']);
      const padded = sheet.addRow([1759473900.11, 'naročilo', '2026-10-03 09:15']);
      padded.getCell(1).numFmt = '0.000';
      sheet.addRow([1759473900.1, 'naročilo', '2026-10-03 09:15']).getCell(1).numFmt = '0.000';
      sheet.addRow([1759473910, 'naročilo', '2026-10-03 09:15']);
    });
    const log = await readAnyCallLog(file, 'ids.xlsx', CALL_LOG_OPTIONS);
    expect(log.events.map((e) => e.callId)).toEqual([
      '1759473900.107',
      '1759473900.110',
      '1759473900.100',
      '1759473910',
    ]);
  });

  it('reads date cells, date serials and formula results as times in --timezone; rich text as its text', async () => {
    const file = await workbook('typed.xlsx', (wb) => {
      const sheet = wb.addWorksheet('Calls');
      sheet.addRow(['call_id', 'outcome', 'time']);
      // exceljs stores the Date's UTC fields as the cell's wall clock, as Excel does.
      sheet.addRow([
        'D-1',
        { richText: [{ text: 'rekla' }, { text: 'macija' }] },
        new Date(Date.UTC(2026, 9, 3, 9, 15)),
      ]);
      const serial = sheet.addRow(['D-2', 'naročilo', 46298.5]);
      serial.getCell(3).numFmt = 'dd.mm.yyyy hh:mm';
      const formula = sheet.addRow([
        'D-3',
        { formula: 'B3', result: 'naročilo' },
        { formula: 'C3', result: 46298.5 },
      ]);
      formula.getCell(3).numFmt = 'yyyy-mm-dd hh:mm';
    });
    const log = await readAnyCallLog(file, 'typed.xlsx', CALL_LOG_OPTIONS);
    expect(log.events.map((e) => [e.callId, e.outcome, e.at])).toEqual([
      ['D-1', 'reklamacija', '2026-10-03T07:15:00.000Z'],
      ['D-2', 'naročilo', '2026-10-03T10:00:00.000Z'],
      ['D-3', 'naročilo', '2026-10-03T10:00:00.000Z'],
    ]);
  });

  it('counts serials from 1904 in a workbook that uses the 1904 date system', async () => {
    const file = await workbook('mac.xlsx', (wb) => {
      wb.properties.date1904 = true;
      const sheet = wb.addWorksheet('Calls');
      sheet.addRow(['call_id', 'outcome', 'time']);
      // 46298.5 in the 1900 system is 44836.5 in the 1904 system (1462 days apart).
      sheet.addRow(['M-1', 'naročilo', 44836.5]).getCell(3).numFmt = 'dd.mm.yyyy hh:mm';
      // A formula's cached result is a bare number to the reader: callaudit converts it.
      sheet.addRow(['M-2', 'naročilo', { formula: 'C2', result: 44836.5 }]).getCell(3).numFmt =
        'dd.mm.yyyy hh:mm';
    });
    const log = await readAnyCallLog(file, 'mac.xlsx', CALL_LOG_OPTIONS);
    expect(log.events.map((e) => e.at)).toEqual(['2026-10-03T10:00:00.000Z', '2026-10-03T10:00:00.000Z']);
  });

  it('takes the header from --header-row and reports a missing column with the columns found', async () => {
    const file = await workbook('header.xlsx', (wb) => {
      const sheet = wb.addWorksheet('Calls');
      sheet.addRow(['ID klica', 'Izid']);
      sheet.addRow(['ID klica', 'Izid', 'Datum']);
      sheet.addRow(['K-1', 'naročilo', '3. 10. 2026 09:15']);
    });
    const options = {
      ...CALL_LOG_OPTIONS,
      columns: columns({ id: 'ID klica', outcome: 'Izid', time: 'Datum' }),
    };
    const log = await readAnyCallLog(file, 'header.xlsx', { ...options, workbook: { headerRow: 2 } });
    expect(log.events.map((e) => [e.callId, e.line])).toEqual([['K-1', 3]]);
    const error = await rejectionOf(readAnyCallLog(file, 'header.xlsx', options));
    expect(error.code).toBe('CSV_MISSING_COLUMN');
    expect(error.message).toContain('"Datum"');
    expect(error.message).toContain('Columns found: "ID klica", "Izid"');
  });

  it('names the sheet row in errors, below a title and a blank row', async () => {
    const file = await workbook('rows.xlsx', (wb) => {
      const sheet = wb.addWorksheet('Calls');
      sheet.addRow(['CRM report']);
      sheet.addRow([]);
      sheet.addRow(['call_id', 'outcome', 'time']);
      sheet.addRow(['R-1', 'naročilo', '2026-10-03 09:15']);
      sheet.addRow([]);
      sheet.addRow(['R-2', 'naročilo', '03/04/2026 09:15']);
    });
    const error = await rejectionOf(readAnyCallLog(file, 'rows.xlsx', CALL_LOG_OPTIONS));
    expect(error.code).toBe('AMBIGUOUS_DATE');
    expect(error.line).toBe(6);
  });

  it('refuses an old binary .xls by its signature, whatever its name', async () => {
    const file = path.join(dir, 'klici.csv');
    writeFileSync(
      file,
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]),
    );
    const error = await rejectionOf(readAnyCallLog(file, 'klici.csv', CALL_LOG_OPTIONS));
    expect(error.code).toBe('XLS_NOT_SUPPORTED');
    expect(error.hint).toMatch(/\.xlsx.*CSV/);
  });

  it('says a ZIP that is not a workbook is a ZIP, and a damaged workbook is unreadable, without a stack trace', async () => {
    const good = await workbook('good.xlsx', (wb) => wb.addWorksheet('A').addRow(['call_id', 'outcome']));
    const { readFileSync } = await import('node:fs');
    const truncated = path.join(dir, 'truncated.xlsx');
    writeFileSync(truncated, readFileSync(good).subarray(0, 600));
    const error = await rejectionOf(readAnyCallLog(truncated, 'truncated.xlsx', CALL_LOG_OPTIONS));
    expect(['XLSX_UNREADABLE', 'XLSX_NO_HEADER']).toContain(error.code);
    const zip = path.join(dir, 'bundle.zip');
    writeFileSync(zip, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.from('....notes.txt')]));
    expect((await rejectionOf(readAnyCallLog(zip, 'bundle.zip', CALL_LOG_OPTIONS))).code).toBe(
      'CALL_LOG_IS_ZIP',
    );
  });
});

describe('merged cells in an Excel call log', () => {
  it('gives every row of a vertically merged ID or date the top-left value, on the right sheet', async () => {
    const file = await workbook('merged.xlsx', (wb) => {
      // A first sheet with merges of its own: they must not leak into the call sheet.
      const summary = wb.addWorksheet('Summary');
      summary.addRow(['Calls', '', '']);
      summary.addRow(['x', 'y', 'z']);
      summary.mergeCells('A2:A9');
      const sheet = wb.addWorksheet('Klici');
      sheet.addRow(['CRM report: klici', '', '']);
      sheet.mergeCells('A1:C1');
      sheet.addRow(['call_id', 'outcome', 'time']);
      sheet.addRow(['1759473900.10', 'naročilo', new Date(Date.UTC(2026, 9, 3, 9, 15))]);
      sheet.addRow(['', 'ponudba', '']);
      sheet.addRow(['', 'informacije', '']);
      sheet.mergeCells('A3:A5');
      sheet.mergeCells('C3:C5');
      sheet.addRow(['B-2', 'ni interesa', new Date(Date.UTC(2026, 9, 4, 11, 0))]);
      // A merge across columns hides its right-hand cells; nothing is copied sideways.
      sheet.addRow(['B-3', 'zavrnitev', '']);
      sheet.mergeCells('B7:C7');
    });
    const log = await readAnyCallLog(file, 'merged.xlsx', CALL_LOG_OPTIONS);
    expect(log.source).toBe('Klici');
    expect(log.problems).toEqual([]);
    expect(log.events.map((e) => [e.callId, e.outcome, e.at, e.line])).toEqual([
      ['1759473900.10', 'naročilo', '2026-10-03T07:15:00.000Z', 3],
      ['1759473900.10', 'ponudba', '2026-10-03T07:15:00.000Z', 4],
      ['1759473900.10', 'informacije', '2026-10-03T07:15:00.000Z', 5],
      ['B-2', 'ni interesa', '2026-10-04T09:00:00.000Z', 6],
      ['B-3', 'zavrnitev', null, 7],
    ]);
  });
});
