import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { colourOff } from '../../src/cli/colour.js';
import { DEMO } from '../support/demo-audit.js';
import { BIN } from '../support/run-cli.js';

describe('colourOff', () => {
  it('turns colour off for --no-color, a non-empty NO_COLOR and TERM=dumb', () => {
    expect(colourOff(['node', 'callaudit', 'audit', '--no-color'], {})).toBe(true);
    expect(colourOff([], { NO_COLOR: '1' })).toBe(true);
    expect(colourOff([], { NO_COLOR: 'false' })).toBe(true);
    expect(colourOff([], { TERM: 'dumb' })).toBe(true);
  });

  it('leaves colour to the terminal when NO_COLOR is empty or unset', () => {
    expect(colourOff(['node', 'callaudit', 'audit'], { NO_COLOR: '' })).toBe(false);
    expect(colourOff([], { TERM: 'xterm-256color' })).toBe(false);
  });
});

describe('the CLI without colour', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'callaudit-colour-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const ESC = '\u001b[';
  // FORCE_COLOR paints even into a pipe, so each run would show colour unless the choice wins.
  const audit = (env: Record<string, string>, ...extra: string[]) =>
    spawnSync(
      process.execPath,
      [
        BIN,
        'audit',
        path.join(DEMO, 'recordings'),
        '--crm',
        path.join(DEMO, 'crm/calls.csv'),
        '--id-pattern',
        '_(?<id>[A-Z0-9-]+)\\.\\w+$',
        '--now',
        '2026-11-28T12:00:00Z',
        '--out',
        path.join(tmp, 'out'),
        '--no-cache',
        ...extra,
      ],
      { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: tmp, FORCE_COLOR: '1', ...env } },
    );

  it('paints the summary when colour is forced', () => {
    const run = audit({});
    expect(run.stdout + run.stderr).toContain(ESC);
  });

  it('paints nothing with NO_COLOR=1 or --no-color', () => {
    for (const run of [audit({ NO_COLOR: '1' }), audit({}, '--no-color')]) {
      expect(run.status).toBe(1);
      expect(run.stdout + run.stderr).not.toContain(ESC);
    }
  });
});
