import { CallauditError } from '../errors.js';

/**
 * True when more than 1% of the data lines failed. Integer arithmetic, because `0.01 * n`
 * rounds (0.01 * 700 is 7.000000000000001) and the rule says exactly 1% is still acceptable.
 */
export function exceedsBadRowLimit(failedLines: number, dataLines: number): boolean {
  return failedLines * 100 > dataLines;
}

export function tooManyBadRowsError(
  file: string,
  failedLines: number,
  dataLines: number,
  firstBadLine: number,
  firstMessage: string,
): CallauditError {
  return new CallauditError(
    'CSV_TOO_MANY_BAD_ROWS',
    `${failedLines} of ${dataLines} data lines in ${file} could not be read (more than 1%); ` +
      `the first bad record starts at line ${firstBadLine}: ${firstMessage}`,
    'Fix the quoting in the file (a value that contains quotes, delimiters or line breaks must be wrapped in "…", ' +
      'with inner quotes doubled as ""), or check that --delimiter and --encoding match the file.',
    file,
    firstBadLine,
  );
}

export function recordTooLargeError(file: string, line: number, limitBytes: number): CallauditError {
  return new CallauditError(
    'CSV_RECORD_TOO_LARGE',
    `a record in ${file} is still open at line ${line} and is larger than ${limitBytes / (1024 * 1024)} MiB: ` +
      'a quote opened before that line is most likely never closed, so the rest of the file cannot be read',
    'Fix the quoting in the file (inner quotes are doubled as ""), or check --delimiter and --encoding.',
    file,
    line,
  );
}
