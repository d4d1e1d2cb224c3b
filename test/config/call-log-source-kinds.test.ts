import { describe, expect, it } from 'vitest';
import { callLogOptionsFor } from '../../src/calllog/source-options.js';
import { parseConfigText } from '../../src/config/config-file.js';
import { resolveCallLogs } from '../../src/config/sources.js';
import { CallauditError } from '../../src/errors.js';

const same = (p: string) => p;
const fromText = (config: unknown) => parseConfigText(JSON.stringify(config), 'callaudit.config.json');

describe('call-log sources that are workbooks, JSON or databases', () => {
  it('passes --sheet, --header-row and --records to the reader, and leaves CSV sources as they were', () => {
    const [crm] = resolveCallLogs({ crm: ['klici.xlsx'], sheet: 'Klici', headerRow: '3' }, {}, same);
    expect(crm).toMatchObject({ sheet: 'Klici', headerRow: 3 });
    expect(callLogOptionsFor(crm!, 'UTC').workbook).toEqual({ sheet: 'Klici', headerRow: 3 });
    const [json] = resolveCallLogs({ crm: ['c.json'], records: 'data.items' }, {}, same);
    expect(callLogOptionsFor(json!, 'UTC').records).toBe('data.items');
    const [csv] = resolveCallLogs({ crm: ['calls.csv'] }, {}, same);
    expect(Object.keys(csv!)).not.toContain('sheet');
    expect(() => resolveCallLogs({ crm: ['x.xlsx'], headerRow: 'two' }, {}, same)).toThrow(CallauditError);
  });

  it('reads a "type": "sql" entry as its URL, and gives the FreePBX preset its table', () => {
    const config = fromText({
      callLogs: [
        { type: 'sql', url: 'mysql://asterisk@pbx/asteriskcdrdb', preset: 'freepbx-cdr' },
        {
          type: 'sql',
          url: 'postgres://crm@db/crm',
          query: 'SELECT id AS call_id, result AS outcome FROM calls',
        },
      ],
    });
    const [cdr, crm] = resolveCallLogs({}, config, same);
    expect(cdr!.files).toEqual(['mysql://asterisk@pbx/asteriskcdrdb']);
    expect(callLogOptionsFor(cdr!, 'UTC').sql).toEqual({ table: 'cdr' });
    expect(callLogOptionsFor(crm!, 'UTC').sql).toEqual({
      query: 'SELECT id AS call_id, result AS outcome FROM calls',
    });
  });

  it('asks for a url on a "type": "sql" entry, and for a file on any other', () => {
    const noUrl = fromText({ callLogs: [{ type: 'sql', table: 'cdr' }] });
    expect(() => resolveCallLogs({}, noUrl, same)).toThrow(/needs "url"/);
    const nothing = fromText({ callLogs: [{ preset: 'generic' }] });
    expect(() => resolveCallLogs({}, nothing, same)).toThrow(/needs "file"/);
  });
});
