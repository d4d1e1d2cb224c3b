import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { wavPcm16 } from '../../scripts/audio-bytes.mjs';
import { defaultCacheFile } from '../../src/archive/cache-location.js';
import { treeFingerprint } from '../archive/helpers.js';
import { runCli } from '../support/run-cli.js';

// Items 8 and 14 of issue 13, through the CLI: exit 2 means nothing was written or created.
const tmp = mkdtempSync(path.join(os.tmpdir(), 'callaudit-outputs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const root = path.join(tmp, 'root');
mkdirSync(path.join(root, 'day'), { recursive: true });
writeFileSync(path.join(root, 'day', 'C-1.wav'), wavPcm16({ seconds: 1 }));
const crm = path.join(tmp, 'calls.csv');
writeFileSync(crm, 'call_id,outcome\nC-1,order\n');
const audit = (...extra: string[]) =>
  runCli(['audit', root, '--crm', crm, '--now', '2026-11-28T12:00:00Z', '--no-progress', ...extra], tmp);

describe('audit outputs', () => {
  it('refuses --out root/..out (inside the root) and creates nothing', () => {
    const before = treeFingerprint(root);
    const run = audit('--out', path.join(root, '..out'));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('lies inside the archive root');
    expect(existsSync(path.join(root, '..out'))).toBe(false);
    expect(treeFingerprint(root)).toBe(before);
  });

  it('refuses --out through a symbolic link into the root, below folders not made yet', () => {
    symlinkSync(path.join(root, 'day'), path.join(tmp, 'today'));
    const before = treeFingerprint(root);
    const run = audit('--out', path.join(tmp, 'today', 'a', 'b'));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('lies inside the archive root');
    expect(treeFingerprint(root)).toBe(before);
  });

  it('refuses --cache /dev/zero and leaves the device as it was', () => {
    const out = path.join(tmp, 'out-zero');
    const run = audit('--out', out, '--cache', '/dev/zero');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('is a character device');
    expect(statSync('/dev/zero').isCharacterDevice()).toBe(true);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses --cache naming the call log or a recording, and leaves both as they were', () => {
    const crmBefore = readFileSync(crm);
    const onLog = audit('--out', path.join(tmp, 'out-log'), '--cache', crm);
    expect(onLog.status).toBe(2);
    expect(onLog.stderr).toContain('which this command reads');
    expect(readFileSync(crm)).toEqual(crmBefore);
    const before = treeFingerprint(root);
    const onRecording = audit(
      '--out',
      path.join(tmp, 'out-rec'),
      '--cache',
      path.join(root, 'day', 'C-1.wav'),
    );
    expect(onRecording.status).toBe(2);
    expect(onRecording.stderr).toContain('inside the archive root');
    expect(treeFingerprint(root)).toBe(before);
  });

  it('writes its cache to $XDG_CACHE_HOME/callaudit/<key>, not beside the reports, and reuses it next time', () => {
    const out = path.join(tmp, 'out-ok');
    const xdg = path.join(tmp, 'xdg-cache');
    const run = () =>
      runCli(
        ['audit', root, '--crm', crm, '--now', '2026-11-28T12:00:00Z', '--out', out, '--fail-on', 'never'],
        tmp,
        { XDG_CACHE_HOME: xdg },
      );
    expect(run().status).toBe(0);
    expect(readdirSync(out)).not.toContain('probe-cache.jsonl');
    const cache = defaultCacheFile([root], { XDG_CACHE_HOME: xdg })!;
    expect(cache.startsWith(path.join(xdg, 'callaudit') + path.sep)).toBe(true);
    expect(readFileSync(cache, 'utf8')).toMatch(/^\{"format":"callaudit-probe-cache"/);
    // Owner only: the cache lists every recording's path.
    expect(statSync(path.dirname(cache)).mode & 0o077).toBe(0);
    const written = statSync(cache).mtimeMs;
    expect(run().status).toBe(0);
    // An unchanged archive leaves its cache untouched: it was read, not rebuilt.
    expect(statSync(cache).mtimeMs).toBe(written);
  });

  it('refuses a default cache that would lie inside the archive root', () => {
    const inside = runCli(['audit', root, '--crm', crm, '--out', path.join(tmp, 'out-xdg-in')], tmp, {
      XDG_CACHE_HOME: path.join(root, 'cache'),
    });
    expect(inside.status).toBe(2);
    expect(inside.stderr).toContain('inside the archive root');
    expect(existsSync(path.join(root, 'cache'))).toBe(false);
  });

  it.each([[''], [','], [' , ']])('refuses --format %j: it names no report', (format) => {
    const out = path.join(tmp, 'out-format');
    const run = audit('--out', out, '--format', format);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--format names no report format');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses the same root given twice (as root and root/) and a root inside another', () => {
    const twice = runCli(['audit', root, `${root}/`, '--crm', crm, '--out', path.join(tmp, 'o-twice')], tmp);
    expect(twice.status).toBe(2);
    expect(twice.stderr).toContain('is the same folder as');
    const nested = runCli(
      ['audit', root, path.join(root, 'day'), '--crm', crm, '--out', path.join(tmp, 'o-nest')],
      tmp,
    );
    expect(nested.status).toBe(2);
    expect(nested.stderr).toContain(`lies inside the archive root ${root}`);
  });
});

describe('render outputs', () => {
  it('refuses --out naming a file with a clear error, not "unexpected error"', () => {
    const out = path.join(tmp, 'render-src');
    expect(audit('--out', out, '--fail-on', 'never').status).toBe(0);
    const run = runCli(['render', path.join(out, 'report.json'), '--out', crm], tmp);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('the output folder is a regular file, not a folder');
    expect(run.stderr).not.toContain('unexpected error');
  });

  it('refuses to write report.json over the report.json it reads', () => {
    const out = path.join(tmp, 'render-self');
    expect(audit('--out', out, '--fail-on', 'never').status).toBe(0);
    const report = path.join(out, 'report.json');
    const before = readFileSync(report);
    const run = runCli(['render', report, '--format', 'json', '--out', out], tmp);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('which this command reads');
    expect(readFileSync(report)).toEqual(before);
  });
});
