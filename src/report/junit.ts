import type { AuditResult } from '../audit/result.js';
import { VERDICT_SEVERITY, type Finding } from '../audit/types.js';
import type { Reporter } from './reporter.js';
import { viewFor } from './redacted-view.js';
import { xmlText } from './xml.js';

/** Suites in order of urgency (violations first), then by reason code. */
function suitesByReason(findings: readonly Finding[]): Array<[string, Finding[]]> {
  const suites = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = suites.get(f.reason);
    if (list) list.push(f);
    else suites.set(f.reason, [f]);
  }
  const severity = (list: Finding[]) => Math.max(...list.map((f) => VERDICT_SEVERITY[f.verdict]));
  return [...suites.entries()].sort(
    ([a, x], [b, y]) => severity(y) - severity(x) || (a < b ? -1 : a > b ? 1 : 0),
  );
}

function evidence(f: Finding): string {
  const lines = [`${f.root}/${f.path}`, f.explanation];
  for (const e of f.events) lines.push(`${e.file}:${e.line} "${e.outcome}" → ${e.category} (${e.matchedBy})`);
  if (f.legalBasis.length > 0) lines.push(`legal basis: ${f.legalBasis.join(', ')}`);
  return lines.join('\n');
}

function testcase(f: Finding): string {
  const name = xmlText(f.path);
  const classname = xmlText(`callaudit.${f.reason}`);
  const open = `    <testcase name="${name}" classname="${classname}" time="0"`;
  const tag = f.baseline === 'new' ? '[new] ' : '';
  const message = xmlText(`${tag}${f.verdict} ${f.reason}${f.callId ? ` (call ${f.callId})` : ''}`);
  // Violations fail; reviews are "skipped": the audit could not decide, a human must.
  if (f.verdict === 'violation')
    return `${open}>\n      <failure message="${message}" type="${f.reason}">${xmlText(evidence(f))}</failure>\n    </testcase>`;
  if (f.verdict === 'review') return `${open}>\n      <skipped message="${message}"/>\n    </testcase>`;
  return `${open}/>`;
}

/** JUnit XML as Jenkins, GitLab and GitHub test-report actions read it (Apache Ant schema). */
export const junitReporter: Reporter = {
  name: 'junit',
  fileName: 'junit.xml',
  render(result: AuditResult, options) {
    const view = viewFor(result, options.redact);
    // The Ant schema wants a local date-time without zone; generatedAt is UTC.
    const timestamp = view.generatedAt.slice(0, 19);
    const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<testsuites>'];
    suitesByReason(view.recordings).forEach(([reason, findings], id) => {
      const failures = findings.filter((f) => f.verdict === 'violation').length;
      const skipped = findings.filter((f) => f.verdict === 'review').length;
      lines.push(
        `  <testsuite name="${xmlText(reason)}" package="callaudit" id="${id}" tests="${findings.length}" failures="${failures}" errors="0" skipped="${skipped}" time="0" timestamp="${timestamp}" hostname="localhost">`,
        '    <properties>',
        `      <property name="policy" value="${xmlText(`${view.policy.id}@${view.policy.version}`)}"/>`,
        `      <property name="tool" value="${xmlText(`${view.tool.name} ${view.tool.version}`)}"/>`,
        `      <property name="redacted" value="${options.redact}"/>`,
        '    </properties>',
        ...findings.map(testcase),
        '    <system-out/>',
        '    <system-err/>',
        '  </testsuite>',
      );
    });
    lines.push('</testsuites>', '');
    return lines.join('\n');
  },
};
