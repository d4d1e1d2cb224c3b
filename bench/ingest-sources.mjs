// Call-log ingestion, CSV or any other source, through the audit's own reader (dist/).
//   node bench/ingest-sources.mjs convert <crm.csv> <dir>   writes <dir>/crm.xlsx and <dir>/crm.ndjson (not timed)
//   node bench/ingest-sources.mjs read <file-or-url...>     prints {rows, events, seconds, maxRssMb}
// The workbook is written with exceljs's streaming writer, so half a million rows fit in memory.
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';

const [mode, ...rest] = process.argv.slice(2);

if (mode === 'convert') {
  const [csv, dir] = rest;
  mkdirSync(dir, { recursive: true });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: join(dir, 'crm.xlsx'),
    useSharedStrings: true,
  });
  const sheet = workbook.addWorksheet('Calls');
  const ndjson = createWriteStream(join(dir, 'crm.ndjson'));
  let header = null;
  for await (const record of createReadStream(csv).pipe(parse({ relax_column_count: true }))) {
    sheet.addRow(record).commit();
    if (header === null) {
      header = record;
      continue;
    }
    const line = `${JSON.stringify(Object.fromEntries(header.map((name, i) => [name, record[i] ?? ''])))}\n`;
    if (!ndjson.write(line)) await once(ndjson, 'drain');
  }
  sheet.commit();
  await workbook.commit();
  ndjson.end();
  await once(ndjson, 'finish');
} else if (mode === 'read') {
  const { readAnyCallLog } = await import('../dist/calllog/read-any-call-log.js');
  const { resolveColumnMapping } = await import('../dist/config/column-mapping.js');
  const { callLogOptionsFor } = await import('../dist/calllog/source-options.js');
  const started = process.hrtime.bigint();
  let rows = 0;
  let events = 0;
  for (const file of rest) {
    // The reader's options as the audit makes them for a configured source.
    const source = {
      files: [file],
      preset: null,
      idColumn: 'call_id',
      outcomeColumn: 'outcome',
      timeColumn: 'calldate',
      encoding: 'auto',
      delimiter: 'auto',
      dateFormat: null,
      timezone: null,
      ...(file.includes('://') ? { table: 'crm' } : {}),
    };
    const options = callLogOptionsFor(
      { ...source, columns: resolveColumnMapping(source, null) },
      'Europe/Ljubljana',
    );
    const log = await readAnyCallLog(file, file, options);
    rows += log.rows;
    events += log.events.length;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify({ rows, events, seconds, maxRssMb })}\n`);
} else {
  console.error('usage: ingest-sources.mjs convert <crm.csv> <dir> | read <file-or-url...>');
  process.exit(2);
}
