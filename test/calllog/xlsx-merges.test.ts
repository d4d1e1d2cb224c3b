import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { readAnyCallLog } from '../../src/calllog/read-any-call-log.js';
import { readMergedRanges } from '../../src/calllog/xlsx-merges.js';
import { CALL_LOG_OPTIONS } from '../support/call-log-options.js';
import { rejectionOf } from '../support/error-of.js';

const dir = mkdtempSync(path.join(tmpdir(), 'callaudit-merges-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LOCAL_FILE_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const FIRST_NAME_END = 30 + '[Content_Types].xml'.length;

async function mergedWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Klici');
  sheet.addRow(['call_id', 'outcome']);
  for (let i = 0; i < 40; i++) {
    sheet.addRow([`A-${i}`, 'naročilo']);
    sheet.addRow(['', 'ponudba']);
    sheet.mergeCells(`A${2 + 2 * i}:A${3 + 2 * i}`);
  }
  const file = path.join(dir, 'whole.xlsx');
  await wb.xlsx.writeFile(file);
  return readFileSync(file);
}

/** Where each part of the ZIP starts (a cut there ends the file between two parts), and cuts inside parts. */
function cutPoints(bytes: Buffer): number[] {
  const cuts = new Set<number>();
  for (let at = bytes.indexOf(LOCAL_FILE_HEADER, 1); at > 0; at = bytes.indexOf(LOCAL_FILE_HEADER, at + 1))
    cuts.add(at);
  // From the end of the first part's name on: shorter, the file is not recognisably a workbook.
  for (let at = FIRST_NAME_END; at < bytes.length; at += Math.ceil(bytes.length / 25)) cuts.add(at);
  cuts.add(bytes.length - 1);
  return [...cuts].sort((a, b) => a - b);
}

describe('the merged-cell pass over a workbook', () => {
  it('reads the merges of a whole workbook', async () => {
    const file = path.join(dir, 'merged.xlsx');
    writeFileSync(file, await mergedWorkbook());
    const merges = await readMergedRanges(file);
    expect([...merges.keys()]).toEqual(['1']);
    expect(merges.get('1')).toHaveLength(40);
    expect(merges.get('1')![0]).toEqual({ top: 2, bottom: 3, left: 1, right: 1 });
  });

  it('rejects every cut of a workbook, between parts too, at once: no grace timer, no hang, no silent empty list', async () => {
    const bytes = await mergedWorkbook();
    const cuts = cutPoints(bytes);
    expect(cuts.length).toBeGreaterThan(20);
    for (const cut of cuts) {
      const file = path.join(dir, `cut-${cut}.xlsx`);
      writeFileSync(file, bytes.subarray(0, cut));
      const outcome = await readMergedRanges(file).then(
        (merges) => `read ${merges.size} sheet(s)`,
        (error: unknown) => (error instanceof Error ? 'rejected' : 'rejected with a non-Error'),
      );
      expect(`${cut}: ${outcome}`).toBe(`${cut}: rejected`);
    }
  }, 30_000);

  it('makes a cut workbook an XLSX_UNREADABLE error naming the file, whatever part the cut falls in', async () => {
    const bytes = await mergedWorkbook();
    for (const cut of cutPoints(bytes)) {
      const file = path.join(dir, `call-log-${cut}.xlsx`);
      writeFileSync(file, bytes.subarray(0, cut));
      const error = await rejectionOf(readAnyCallLog(file, `klici-${cut}.xlsx`, CALL_LOG_OPTIONS));
      expect(error.code).toBe('XLSX_UNREADABLE');
      expect(error.message).toContain(`klici-${cut}.xlsx`);
      expect(error.hint).toMatch(/save it again as \.xlsx/);
    }
  }, 60_000);
});
