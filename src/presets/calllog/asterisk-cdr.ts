import type { CallLogPreset, HeaderlessLayout } from './types.js';

/** cdr_csv's fixed columns, in file order (asterisk cdr/cdr_csv.c). */
const BASE = [
  'accountcode',
  'src',
  'dst',
  'dcontext',
  'clid',
  'channel',
  'dstchannel',
  'lastapp',
  'lastdata',
  'start',
  'answer',
  'end',
  'duration',
  'billsec',
  'disposition',
  'amaflags',
];
const NEW_COLUMNS = ['peeraccount', 'linkedid', 'sequence'];
const UNIQUEID = /^(?:.*-)?\d+\.\d+$/;

/**
 * Master.csv has no header: cdr.conf flags append `uniqueid` (loguniqueid), `userfield`
 * (loguserfield) and `peeraccount, linkedid, sequence` (newcdrcolumns). 17 and 20 columns are
 * ambiguous between uniqueid and userfield; a uniqueid looks like `1729512345.123`.
 */
export function asteriskLayout(first: readonly string[]): HeaderlessLayout | null {
  const n = first.length;
  const flagsOn = (uniqueid: boolean, userfield: boolean, newcols: boolean) => {
    const headers = [...BASE];
    const on: string[] = [];
    if (uniqueid) {
      headers.push('uniqueid');
      on.push('loguniqueid');
    }
    if (userfield) {
      headers.push('userfield');
      on.push('loguserfield');
    }
    if (newcols) {
      headers.push(...NEW_COLUMNS);
      on.push('newcdrcolumns');
    }
    return {
      headers,
      description: `${n} columns: ${headers.slice(BASE.length).join(', ') || 'no optional columns'} after amaflags (cdr.conf: ${on.length ? on.join(', ') + ' = yes' : 'defaults'})`,
    };
  };
  const seventeenth = (first[16] ?? '').trim();
  switch (n) {
    case 16:
      return flagsOn(false, false, false);
    case 17:
      return flagsOn(UNIQUEID.test(seventeenth), !UNIQUEID.test(seventeenth), false);
    case 18:
      return flagsOn(true, true, false);
    case 19:
      return flagsOn(false, false, true);
    case 20:
      return flagsOn(UNIQUEID.test(seventeenth), !UNIQUEID.test(seventeenth), true);
    case 21:
      return flagsOn(true, true, true);
    default:
      return null;
  }
}

export const asteriskCdr: CallLogPreset = {
  name: 'asterisk-cdr',
  description:
    'Asterisk cdr_csv Master.csv: no header row, 16/17/18/21 columns detected; links recordings to calls',
  kind: 'telephony',
  columns: { id: ['uniqueid'], outcome: ['disposition'], time: ['start', 'calldate'] },
  linkColumns: ['linkedid'],
  idTransform: 'none',
  outcomeLabels: {},
  headerless: asteriskLayout,
  command: '--crm /var/log/asterisk/cdr-csv/Master.csv --crm-preset asterisk-cdr',
  table: 'cdr',
};
