/**
 * Reference records as a splitter told to keep only `wanted` columns gives them: the header
 * whole, and in later records the other columns empty (column 0, the first, is always kept).
 */
export function withOnlyWanted(records: string[][], wanted: boolean[] | null): string[][] {
  const keep = (column: number) => wanted === null || column === 0 || wanted[column] === true;
  return records.map((record, index) =>
    index === 0 ? record : record.map((field, column) => (keep(column) ? field : '')),
  );
}
