// CSV ingestion alone, through the audit's own reader (dist/): prints {rows, events, seconds}.
import { readCallLog } from '../dist/calllog/read-call-log.js';

const files = process.argv.slice(2);
const started = process.hrtime.bigint();
let rows = 0;
let events = 0;
for (const file of files) {
  const log = await readCallLog(file, file, {
    idColumn: 'call_id',
    outcomeColumn: 'outcome',
    timeColumn: 'calldate',
    encoding: 'auto',
    delimiter: 'auto',
    timezone: 'Europe/Ljubljana',
  });
  rows += log.rows;
  events += log.events.length;
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
process.stdout.write(`${JSON.stringify({ rows, events, seconds })}\n`);
