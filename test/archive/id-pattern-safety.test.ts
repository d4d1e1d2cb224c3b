import { describe, expect, it } from 'vitest';
import { compileIdPattern, extractCallId, EXAMPLE_ID_PATTERN } from '../../src/archive/call-id.js';
import { CallauditError } from '../../src/errors.js';
import { refuseSlowGlob } from '../../src/glob-safety.js';
import { parseHolds } from '../../src/policy/holds.js';
import { RECORDING_PRESETS } from '../../src/presets/recording/index.js';

function refusal(source: string): CallauditError {
  try {
    compileIdPattern(source);
  } catch (error) {
    if (error instanceof CallauditError) return error;
    throw error;
  }
  throw new Error(`${source} was accepted`);
}

describe('ID patterns that could backtrack exponentially are refused', () => {
  it.each([
    ['(?<id>(a+)+)$', '(a+)+'],
    ['(?<id>(\\w*_?)*)\\.wav$', '(\\w*_?)*'],
    ['(?<id>(?:a|ab)+)$', '(?:a|ab)+'],
    ['(?<id>(?:\\d|x)+)$', '(?:\\d|x)+'],
    ['(?<id>(?:[^_]+_?)+)\\.wav$', '(?:[^_]+_?)+'],
    ['(?<id>(a?){30})b', '(a?){30}'],
    ['(?<id>(?:[a-z]+[a-z])+)', '(?:[a-z]+[a-z])+'],
    ['(?<id>(?:.*-)+)', '(?:.*-)+'],
    ['_(?<id>(?:(?:[A-Z]+)-)+)', '(?:(?:[A-Z]+)-)+'],
  ])('%s is refused, naming %s', (source, repeated) => {
    const error = refusal(source);
    expect(error.code).toBe('UNSAFE_ID_PATTERN');
    expect(error.message).toContain(JSON.stringify(source));
    expect(error.message).toContain(JSON.stringify(repeated));
    expect(error.hint).toMatch(/character class/);
  });

  it('the refused pattern would really stall a backtracking engine', () => {
    // Why the check exists: 2^20 splits of 20 characters already take a noticeable time.
    const started = performance.now();
    new RegExp('^(a+)+$').test(`${'a'.repeat(20)}!`);
    expect(performance.now() - started).toBeGreaterThan(5);
  });
});

describe('ID patterns without nested ambiguity are accepted and still work', () => {
  it.each([
    [EXAMPLE_ID_PATTERN, 'x/in_C-1001.wav', 'C-1001'],
    ['^(?:[^/]+/)*(?<id>[^/]+)\\.wav$', 'a/b/c/C-1002.wav', 'C-1002'],
    ['(?<id>(?:-x|_y)+)\\.', 'a-x_y-x.wav', '-x_y-x'],
    ['(?<id>(?:[a-z]{2}_)+)', 'ab_cd_.wav', 'ab_cd_'],
    ['(?<id>(?:[^_]+_)+)\\.wav$', 'ab_cd_.wav', 'ab_cd_'],
    ['(?<id>[A-Z]+-\\d+)', 'in_C-1003.wav', 'C-1003'],
    ['(?<id>\\p{Lu}+\\d*)', 'ŠK12.wav', 'ŠK12'],
    ['_(?<id>[a-z0-9]+)\\.wav$', 'in_ABC1.WAV', null],
  ])('%s', (source, path, id) => {
    expect(extractCallId(path, compileIdPattern(source))).toBe(id);
  });

  it('an accepted pattern answers fast on a long hostile name', () => {
    const pattern = compileIdPattern('^(?:[^/]+/)*(?<id>[^/]+)\\.wav$');
    expect(extractCallId(`${'a/'.repeat(2000)}${'a'.repeat(3000)}.mp3`, pattern)).toBeNull();
  });

  it.each(RECORDING_PRESETS.filter((p) => p.idPattern !== null).map((p) => [p.name, p.idPattern!]))(
    "the %s preset's pattern is accepted",
    (_name, source) => {
      expect(() => compileIdPattern(source)).not.toThrow();
    },
  );
});

describe('XML sidecars are searched in linear time', () => {
  it('a sidecar full of white space or unclosed tags answers quickly, and a real one still reads', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { readSidecarId } = await import('../../src/archive/sidecar.js');
    const dir = await mkdtemp(join(tmpdir(), 'callaudit-sidecar-'));
    await writeFile(join(dir, 'a.xml'), `<callId>${' '.repeat(200_000)}x`);
    await writeFile(join(dir, 'b.xml'), '<callId '.repeat(50_000));
    await writeFile(join(dir, 'c.xml'), '<r><callId kind="x">  C-1  </callId></r>');
    const started = performance.now();
    expect(await readSidecarId(join(dir, 'a.wav'), null)).toMatchObject({ callId: null });
    expect(await readSidecarId(join(dir, 'b.wav'), null)).toMatchObject({ callId: null });
    // The old `\s*([^<]*?)\s*` took minutes on the first file.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(await readSidecarId(join(dir, 'c.wav'), null)).toMatchObject({ callId: 'C-1' });
  });
});

describe('include globs whose matching could take minutes per file are refused', () => {
  it.each(['**/*a*a*a*b.wav', '*_*_*.wav', 'x/**/*-*-*-*.mp3'])('%s is refused', (glob) => {
    expect(() => refuseSlowGlob(glob)).toThrow(/wildcards in the part/);
    const holds = `type,scope,value,reference,reason,until\nlitigation,path,${glob},P 1/2026,court,\n`;
    expect(() => parseHolds(holds, 'holds.csv', 'UTC')).toThrow(/wildcards in the part/);
  });

  it.each(['**/*.wav', '**/in_*_*.wav', '**/[*]*.wav', 'a/**/b/**/*.mp3', String.raw`**/\*\*\**.wav`])(
    '%s is accepted',
    (glob) => {
      expect(() => refuseSlowGlob(glob)).not.toThrow();
    },
  );

  it.each(RECORDING_PRESETS.flatMap((p) => p.include ?? []).map((glob) => [glob]))(
    "a preset's glob %s is accepted",
    (glob) => {
      expect(() => refuseSlowGlob(glob)).not.toThrow();
    },
  );
});
