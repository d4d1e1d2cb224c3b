import type { Finding, ReasonCode, Summary } from './types.js';

export function summarise(findings: readonly Finding[]): Summary {
  const summary: Summary = {
    recordings: findings.length,
    compliant: 0,
    violation: 0,
    review: 0,
    hold: 0,
    byReason: {},
  };
  const byReason = new Map<ReasonCode, number>();
  for (const finding of findings) {
    summary[finding.verdict] += 1;
    byReason.set(finding.reason, (byReason.get(finding.reason) ?? 0) + 1);
  }
  // Sorted keys keep the JSON byte-identical across runs.
  for (const reason of [...byReason.keys()].sort()) summary.byReason[reason] = byReason.get(reason);
  return summary;
}

/** Byte-order comparison: locale-independent, so reports sort the same on every machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => compareStrings(a.root, b.root) || compareStrings(a.path, b.path));
}
