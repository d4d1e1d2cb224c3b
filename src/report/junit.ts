import type { AuditResult } from '../audit/result.js';
import { VERDICT_SEVERITY, type Finding } from '../audit/types.js';
import type { RenderOptions, Reporter } from './reporter.js';
import { viewFor, type ReportView } from './redacted-view.js';
import { xmlText } from './xml.js';

/** Suites in order of urgency (violations first), then by reason code. */
function suitesByReason(findings: readonly Finding[]): Array<[string, Finding[]]> {
  const suites = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = suites.get(f.reason);
    if (list) list.push(f);
    else suites.set(f.reason, [f]);
  }
  // A loop, not Math.max(...): a million arguments overflow the call stack.
  const severity = (list: Finding[]) =>
    list.reduce((max, f) => Math.max(max, VERDICT_SEVERITY[f.verdict]), -Infinity);
  return [...suites.entries()].sort(
    ([a, x], [b, y]) => severity(y) - severity(x) || (a < b ? -1 : a > b ? 1 : 0),
  );
}

// Every value printed is read through `v` (ReportView.field), masked as ReportView.show masks it,
// because the findings reach this file unmasked; only numbers are read directly.

function evidence(v: ReportView['field'], f: Finding): string {
  const lines = [`${v(f, 'root')}/${v(f, 'path')}`, v(f, 'explanation')];
  for (const e of f.events)
    lines.push(`${v(e, 'file')}:${e.line} "${v(e, 'outcome')}" → ${v(e, 'category')} (${v(e, 'matchedBy')})`);
  const legalBasis = v(f, 'legalBasis');
  if (legalBasis.length > 0) lines.push(`legal basis: ${legalBasis.join(', ')}`);
  return lines.join('\n');
}

function testcase(v: ReportView['field'], f: Finding): string {
  const name = xmlText(v(f, 'path'));
  const reason = v(f, 'reason');
  const verdict = v(f, 'verdict');
  const classname = xmlText(`callaudit.${reason}`);
  const open = `    <testcase name="${name}" classname="${classname}" time="0"`;
  if (verdict !== 'violation' && verdict !== 'review') return `${open}/>`;
  const tag = v(f, 'baseline') === 'new' ? '[new] ' : '';
  const callId = v(f, 'callId');
  const message = xmlText(`${tag}${verdict} ${reason}${callId ? ` (call ${callId})` : ''}`);
  // Violations fail; reviews are "skipped": the audit could not decide, a human must.
  if (verdict === 'violation')
    return `${open}>\n      <failure message="${message}" type="${reason}">${xmlText(evidence(v, f))}</failure>\n    </testcase>`;
  return `${open}>\n      <skipped message="${message}"/>\n    </testcase>`;
}

/** JUnit XML as Jenkins, GitLab and GitHub test-report actions read it (Apache Ant schema). */
export const junitReporter: Reporter = {
  name: 'junit',
  fileName: 'junit.xml',
  render: (result, options) => [...junitChunks(result, options)].join(''),
  chunks: junitChunks,
};

/** Test cases go out this many at a time, each masked only as it is written. */
const CASES_PER_CHUNK = 100;

function* junitChunks(result: AuditResult, options: RenderOptions): Iterable<string> {
  const view = viewFor(result, options.redact);
  // The Ant schema wants a local date-time without zone; generatedAt is UTC.
  const timestamp = view.generatedAt.slice(0, 19);
  yield '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n';
  // Grouped by reason and verdict, which are never masked, so the unmasked findings serve.
  let id = 0;
  for (const [reason, findings] of suitesByReason(view.unmasked)) {
    const failures = findings.filter((f) => f.verdict === 'violation').length;
    const skipped = findings.filter((f) => f.verdict === 'review').length;
    yield [
      `  <testsuite name="${xmlText(reason)}" package="callaudit" id="${id++}" tests="${findings.length}" failures="${failures}" errors="0" skipped="${skipped}" time="0" timestamp="${timestamp}" hostname="localhost">`,
      '    <properties>',
      `      <property name="policy" value="${xmlText(`${view.policy.id}@${view.policy.version}`)}"/>`,
      `      <property name="tool" value="${xmlText(`${view.tool.name} ${view.tool.version}`)}"/>`,
      `      <property name="redacted" value="${options.redact}"/>`,
      '    </properties>',
      '',
    ].join('\n');
    for (let from = 0; from < findings.length; from += CASES_PER_CHUNK) {
      const cases = findings.slice(from, from + CASES_PER_CHUNK).map((f) => testcase(view.field, f));
      yield `${cases.join('\n')}\n`;
    }
    yield '    <system-out/>\n    <system-err/>\n  </testsuite>\n';
  }
  yield '</testsuites>\n';
}
