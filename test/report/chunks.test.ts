import { describe, expect, it } from 'vitest';
import { resolvePlan } from '../../src/config/resolve-plan.js';
import { REPORTERS } from '../../src/report/index.js';
import { DEFAULT_RENDER_OPTIONS } from '../../src/report/reporter.js';
import { computeRunId, withRunId } from '../../src/report/run-id.js';
import { runAudit } from '../../src/run-audit.js';
import { DEMO } from '../archive/helpers.js';
import { join } from 'node:path';

async function demoResult() {
  const plan = resolvePlan(
    [join(DEMO, 'recordings')],
    {
      crm: [join(DEMO, 'crm/calls.csv')],
      idPattern: String.raw`_(?<id>[A-Z0-9-]+)\.\w+$`,
      now: '2026-11-28T12:00:00Z',
    },
    null,
  );
  const result = await runAudit(plan);
  return withRunId(result, computeRunId(result));
}

describe('streamed reports', () => {
  it('write the same bytes as render, for every reporter that streams', async () => {
    const result = await demoResult();
    const empty = { ...result, recordings: [] };
    for (const reporter of Object.values(REPORTERS)) {
      if (!reporter.chunks) continue;
      expect([...reporter.chunks(result, DEFAULT_RENDER_OPTIONS)].join(''), reporter.name).toBe(
        reporter.render(result, DEFAULT_RENDER_OPTIONS),
      );
      expect([...reporter.chunks(empty, DEFAULT_RENDER_OPTIONS)].join(''), reporter.name).toBe(
        reporter.render(empty, DEFAULT_RENDER_OPTIONS),
      );
    }
  });
});

describe('very large reports', () => {
  it('stream 200,000 findings through every reporter without overflowing the call stack', async () => {
    const result = await demoResult();
    // One finding repeated: spreading a list this long into a call's arguments overflows.
    const recordings = Array.from(
      { length: 200_000 },
      (_, i) => result.recordings[i % result.recordings.length]!,
    );
    const large = { ...result, recordings };
    for (const reporter of Object.values(REPORTERS)) {
      let characters = 0;
      for (const chunk of reporter.chunks?.(large, DEFAULT_RENDER_OPTIONS) ?? [
        reporter.render(large, DEFAULT_RENDER_OPTIONS),
      ])
        characters += chunk.length;
      expect(characters, reporter.name).toBeGreaterThan(0);
    }
  }, 120_000);

  it('group a million findings of one reason in JUnit (spreading them into Math.max overflowed)', async () => {
    const result = await demoResult();
    const violation = result.recordings.find((f) => f.verdict === 'violation')!;
    const other = result.recordings.find((f) => f.reason !== violation.reason)!;
    // Two reasons, so the suites are sorted by their worst verdict.
    const large = { ...result, recordings: [other, ...Array.from({ length: 1_000_000 }, () => violation)] };
    let characters = 0;
    for (const chunk of REPORTERS['junit']!.chunks!(large, DEFAULT_RENDER_OPTIONS))
      characters += chunk.length;
    expect(characters).toBeGreaterThan(1_000_000);
  }, 120_000);
});
