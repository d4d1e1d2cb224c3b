import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, expect, it, vi } from 'vitest';
import { readAnyCallLog } from '../../src/calllog/read-any-call-log.js';
import { CALL_LOG_OPTIONS } from '../support/call-log-options.js';
import { rejectionOf } from '../support/error-of.js';

// The merged-cell pass fails (as a loaded machine or a damaged part could make it) while the rows
// themselves read fine: the rows under a merged call ID must not come back without it.
vi.mock('../../src/calllog/xlsx-merges.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/calllog/xlsx-merges.js')>()),
  readMergedRanges: () => Promise.reject(new Error('invalid signature: 0x0')),
}));

const dir = mkdtempSync(path.join(tmpdir(), 'callaudit-merges-failure-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('refuses a workbook whose merged cells cannot be read, naming the file, instead of reading it without them', async () => {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Klici');
  sheet.addRow(['call_id', 'outcome', 'time']);
  sheet.addRow(['A-1', 'naročilo', new Date(Date.UTC(2026, 9, 3, 9, 15))]);
  sheet.addRow(['', 'ponudba', '']);
  sheet.mergeCells('A2:A3');
  const file = path.join(dir, 'merged.xlsx');
  await wb.xlsx.writeFile(file);
  const error = await rejectionOf(readAnyCallLog(file, 'klici.xlsx', CALL_LOG_OPTIONS));
  expect(error.code).toBe('XLSX_UNREADABLE');
  expect(error.message).toBe('cannot read the workbook klici.xlsx: invalid signature: 0x0');
  expect(error.hint).toMatch(/save it again as \.xlsx, or export the sheet as CSV/);
});
