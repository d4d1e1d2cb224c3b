import type { AuditResult } from '../audit/result.js';
import { VERDICT_SEVERITY, type Finding } from '../audit/types.js';
import type { RenderOptions, Reporter } from './reporter.js';
import { findingText, zoneOf } from './finding-text.js';
import { viewFor, type ReportView } from './redacted-view.js';
import { xmlText } from './xml.js';

/** The findings of one reason, with what the suite's header counts. */
interface Suite {
  reason: string;
  findings: Finding[];
  /** The most urgent verdict's severity: suites are ordered by it. */
  severity: number;
  failures: number;
  skipped: number;
}

/** Suites in order of urgency (violations first), then by reason code; counted in one pass. */
function suitesByReason(findings: readonly Finding[]): Suite[] {
  const suites = new Map<string, Suite>();
  for (const f of findings) {
    let suite = suites.get(f.reason);
    if (suite === undefined) {
      suite = { reason: f.reason, findings: [], severity: -Infinity, failures: 0, skipped: 0 };
      suites.set(f.reason, suite);
    }
    suite.findings.push(f);
    suite.severity = Math.max(suite.severity, VERDICT_SEVERITY[f.verdict]);
    if (f.verdict === 'violation') suite.failures++;
    else if (f.verdict === 'review') suite.skipped++;
  }
  const byReason = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...suites.values()].sort((x, y) => y.severity - x.severity || byReason(x.reason, y.reason));
}

// Every value printed is read through `v` (ReportView.field), masked as ReportView.show masks it,
// because the findings reach this file unmasked; only numbers are read directly.

/** A value as a template literal would print it, escaped. */
const text = (value: unknown) => xmlText(String(value));

/**
 * The failure's evidence, escaped piece by piece: xmlText works character by character, so the
 * pieces escaped apart read as the whole escaped at once, without first copying the whole into one
 * string and then again into an escaped one. The quotes around an outcome are written escaped.
 */
function escapedEvidence(v: ReportView['field'], f: Finding, explain: (f: Finding) => string): string {
  let lines = `${text(v(f, 'root'))}/${text(v(f, 'path'))}\n${text(explain(f))}`;
  for (const e of f.events)
    lines += `\n${text(v(e, 'file'))}:${e.line} &quot;${text(v(e, 'outcome'))}&quot; → ${text(v(e, 'category'))} (${text(v(e, 'matchedBy'))})`;
  const legalBasis = v(f, 'legalBasis');
  if (legalBasis.length > 0) lines += `\nlegal basis: ${text(legalBasis.join(', '))}`;
  return lines;
}

/** One test case; `classname` is the suite's, escaped once for all its cases. */
function testcase(
  v: ReportView['field'],
  f: Finding,
  classname: string,
  explain: (f: Finding) => string,
): string {
  const name = xmlText(v(f, 'path'));
  const reason = f.reason;
  const verdict = v(f, 'verdict');
  const open = `    <testcase name="${name}" classname="${classname}" time="0"`;
  if (verdict !== 'violation' && verdict !== 'review') return `${open}/>`;
  const tag = v(f, 'baseline') === 'new' ? '[new] ' : '';
  const callId = v(f, 'callId');
  const message = xmlText(`${tag}${verdict} ${reason}${callId ? ` (call ${callId})` : ''}`);
  // Violations fail; reviews are "skipped": the audit could not decide, a human must.
  if (verdict === 'violation')
    return `${open}>\n      <failure message="${message}" type="${reason}">${escapedEvidence(v, f, explain)}</failure>\n    </testcase>`;
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
  const explain = findingText(view, options.lang, zoneOf(view));
  // The Ant schema wants a local date-time without zone; generatedAt is UTC.
  const timestamp = view.generatedAt.slice(0, 19);
  yield '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n';
  // Grouped by reason and verdict, which are never masked, so the unmasked findings serve.
  let id = 0;
  for (const { reason, findings, failures, skipped } of suitesByReason(view.unmasked)) {
    yield [
      `  <testsuite name="${xmlText(reason)}" package="callaudit" id="${id++}" tests="${findings.length}" failures="${failures}" errors="0" skipped="${skipped}" time="0" timestamp="${timestamp}" hostname="localhost">`,
      '    <properties>',
      `      <property name="policy" value="${xmlText(`${view.policy.id}@${view.policy.version}`)}"/>`,
      `      <property name="tool" value="${xmlText(`${view.tool.name} ${view.tool.version}`)}"/>`,
      `      <property name="redacted" value="${options.redact}"/>`,
      '    </properties>',
      '',
    ].join('\n');
    // The reason is never masked, so every case of the suite has the same class name.
    const classname = xmlText(`callaudit.${reason}`);
    for (let from = 0; from < findings.length; from += CASES_PER_CHUNK) {
      const cases: string[] = [];
      const to = Math.min(findings.length, from + CASES_PER_CHUNK);
      for (let i = from; i < to; i++) cases.push(testcase(view.field, findings[i]!, classname, explain));
      // One flat string: a Buffer encodes a tree of concatenations many times slower.
      cases.push('');
      yield cases.join('\n');
    }
    yield '    <system-out/>\n    <system-err/>\n  </testsuite>\n';
  }
  yield '</testsuites>\n';
}
