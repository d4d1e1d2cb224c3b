import { describe, expect, it } from 'vitest';
import { resolvePlan } from '../../src/config/resolve-plan.js';
import { REPORTERS } from '../../src/report/index.js';
import { DEFAULT_RENDER_OPTIONS } from '../../src/report/reporter.js';
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
  return runAudit(plan);
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
