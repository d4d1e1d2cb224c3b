import type { Reporter } from './reporter.js';

export const jsonReporter: Reporter = {
  name: 'json',
  fileName: 'report.json',
  // Key order follows the AuditResult construction, which is fixed, so output is byte-stable.
  render: (result) => `${JSON.stringify(result, null, 2)}\n`,
  *chunks(result) {
    const { recordings, ...rest } = result;
    // Everything but the findings, which JSON.stringify puts last as `"recordings": []`.
    const head = JSON.stringify({ ...rest, recordings: [] }, null, 2);
    const emptyTail = '[]\n}';
    if (recordings.length === 0 || !head.endsWith(emptyTail)) {
      yield `${JSON.stringify(result, null, 2)}\n`;
      return;
    }
    yield `${head.slice(0, -emptyTail.length)}[\n`;
    for (let i = 0; i < recordings.length; i++) {
      // JSON strings hold no raw line breaks, so re-indenting by lines is exact.
      const item = JSON.stringify(recordings[i], null, 2).replaceAll('\n', '\n    ');
      yield `    ${item}${i + 1 < recordings.length ? ',' : ''}\n`;
    }
    yield '  ]\n}\n';
  },
};
