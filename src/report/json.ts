import type { Reporter } from './reporter.js';

export const jsonReporter: Reporter = {
  name: 'json',
  fileName: 'report.json',
  // Key order follows the AuditResult construction, which is fixed, so output is byte-stable.
  render: (result) => `${JSON.stringify(result, null, 2)}\n`,
};
