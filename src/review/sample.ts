import { compareStrings } from '../audit/summarise.js';
import type { Finding } from '../audit/types.js';
import { hash32, seededRandom } from './seeded-random.js';

export const SAMPLE_STRATA = ['default', 'verdict', 'category', 'label'] as const;
export type Strata = (typeof SAMPLE_STRATA)[number];

export interface SampledRecording {
  finding: Finding;
  stratum: string;
  /** The category to check: the one the recording is kept for, or its first for a violation. */
  category: string;
  /** The label the listener checks against what was said. */
  label: string;
}

interface StratumPlan {
  stratum: string;
  population: number;
  sampled: number;
}

export interface Sample {
  seed: number;
  size: number;
  strata: Strata;
  plan: StratumPlan[];
  recordings: SampledRecording[];
}

/** The category a compliant recording is kept for: the decided one, else its first qualifying event's. */
function keptFor(f: Finding, qualifying: ReadonlySet<string>): string {
  if (f.decision?.category) return f.decision.category;
  const counted = f.events.find(
    (e) => qualifying.has(e.category) && e.window !== 'before' && e.window !== 'after',
  );
  return counted?.category ?? f.categories.find((c) => qualifying.has(c)) ?? f.categories[0] ?? 'none';
}

/** Which stratum a finding falls in; null for findings that are not sampled (review, hold). */
function stratumOf(f: Finding, strata: Strata, qualifying: ReadonlySet<string>): string | null {
  if (f.verdict !== 'compliant' && f.verdict !== 'violation') return null;
  switch (strata) {
    case 'verdict':
      return f.verdict;
    case 'category':
      return `${f.verdict}/${f.verdict === 'compliant' ? keptFor(f, qualifying) : (f.categories[0] ?? 'none')}`;
    case 'label':
      return `${f.verdict}/${f.events[0]?.outcome ?? '(no label)'}`;
    case 'default':
      return f.verdict === 'compliant' ? `compliant/${keptFor(f, qualifying)}` : `violation/${f.reason}`;
  }
}

/**
 * Every stratum gets one, the rest of `size` goes to the strata in proportion to their size
 * (largest remainder, ties by name), never more than a stratum holds.
 */
export function allocate(populations: ReadonlyArray<[string, number]>, size: number): Map<string, number> {
  const counts = new Map(populations.map(([name, n]) => [name, n > 0 ? 1 : 0]));
  const total = populations.reduce((sum, [, n]) => sum + n, 0);
  let left = Math.min(size, total) - [...counts.values()].reduce((a, b) => a + b, 0);
  while (left > 0) {
    const room = populations.filter(([name, n]) => counts.get(name)! < n);
    const roomTotal = room.reduce((sum, [, n]) => sum + n, 0);
    const shares = room.map(([name, n]) => ({ name, n, share: (left * n) / roomTotal }));
    let given = 0;
    for (const s of shares) {
      const whole = Math.min(Math.floor(s.share), s.n - counts.get(s.name)!);
      counts.set(s.name, counts.get(s.name)! + whole);
      given += whole;
    }
    left -= given;
    if (left > 0) {
      const byRemainder = shares
        .filter((s) => counts.get(s.name)! < s.n)
        .sort(
          (a, b) =>
            b.share - Math.floor(b.share) - (a.share - Math.floor(a.share)) || compareStrings(a.name, b.name),
        );
      for (const s of byRemainder.slice(0, left)) counts.set(s.name, counts.get(s.name)! + 1);
      left -= Math.min(left, byRemainder.length);
    }
  }
  return counts;
}

/** The first `n` of a seeded Fisher–Yates shuffle of the stratum, itself in path order first. */
function draw(findings: Finding[], n: number, seed: number, stratum: string): Finding[] {
  const pool = [...findings].sort((a, b) => compareStrings(a.root, b.root) || compareStrings(a.path, b.path));
  const random = seededRandom((seed ^ hash32(stratum)) >>> 0);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, n);
}

/** A stratified, reproducible random sample of the compliant and violation findings to listen to. */
export function drawSample(
  findings: readonly Finding[],
  size: number,
  seed: number,
  strata: Strata,
  qualifying: ReadonlySet<string>,
): Sample {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const stratum = stratumOf(f, strata, qualifying);
    if (stratum === null) continue;
    let group = groups.get(stratum);
    if (!group) groups.set(stratum, (group = []));
    group.push(f);
  }
  const names = [...groups.keys()].sort(compareStrings);
  const counts = allocate(
    names.map((name) => [name, groups.get(name)!.length]),
    size,
  );
  const recordings = names.flatMap((stratum) =>
    draw(groups.get(stratum)!, counts.get(stratum)!, seed, stratum).map((finding) => ({
      finding,
      stratum,
      category:
        finding.verdict === 'compliant' ? keptFor(finding, qualifying) : (finding.categories[0] ?? ''),
      label: [...new Set(finding.events.map((e) => e.outcome))].join(' | '),
    })),
  );
  return {
    seed,
    size,
    strata,
    plan: names.map((stratum) => ({
      stratum,
      population: groups.get(stratum)!.length,
      sampled: counts.get(stratum)!,
    })),
    recordings,
  };
}

/** What the listener checks, for the sample file. */
export function whatToCheck(s: SampledRecording): string {
  const f = s.finding;
  return f.verdict === 'compliant'
    ? `Does the call contain the business event the label says (order, change, cancellation, complaint, objection)? confirmed = yes, contradicted = no business event`
    : `Is there really no business event in the call (${f.reason})? confirmed = none, contradicted = the call has a business event`;
}
