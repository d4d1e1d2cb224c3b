import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { setUp } from '../../src/cli/explain-command.js';
import { resolvePlan } from '../../src/config/resolve-plan.js';
import { tempDir } from '../archive/helpers.js';

describe('the audit explain runs', () => {
  it('without --report neither hashes the violations nor keeps a probe cache, unlike audit', () => {
    const dir = tempDir('callaudit-explain-');
    const root = path.join(dir, 'archive');
    mkdirSync(root);
    const calls = path.join(dir, 'calls.csv');
    writeFileSync(calls, 'call_id,outcome\nC-1,Naročilo\n');
    const flags = { crm: [calls] };
    // The same flags make an audit that hashes: explain turns it off, it does not inherit it.
    expect(resolvePlan([root], flags, null).hash).toBe(true);
    const { plan, report } = setUp('C-1', [root], flags, new Command());
    expect(report).toBeNull();
    expect(plan.hash).toBe(false);
    expect(plan.cache).toBeNull();
  });
});
