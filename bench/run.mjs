// `npm run bench -- --recordings 100000 [--repeat 3] [--concurrency 32] [--regenerate] [--shapes plain,tagged]`
// Generates (once per N and shape) synthetic archives under bench/tmp/, then measures in one
// run: the floor, CSV ingestion, the full audit cold and warm on the plain archive; on the
// tagged one (half the files carry the tags real exports have) the floor, the audit cold, and
// the audit cold with call IDs from tags; prints a table and writes bench/results/<date>-<N>.json. Timings are wall time of a child process, start-up included;
// compare ratios from the same run, as other load on the machine moves absolute figures.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BENCH_ID_PATTERN, BENCH_NOW, generateArchive } from './generate-archive.mjs';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const BENCH = join(REPO, 'bench');
const { values: args } = parseArgs({
  options: {
    recordings: { type: 'string', default: '10000' },
    repeat: { type: 'string', default: '1' },
    concurrency: { type: 'string', default: '32' },
    regenerate: { type: 'boolean', default: false },
    'cpu-prof': { type: 'boolean', default: false },
    // e.g. --phases cold,warm to re-measure the audit alone on a huge archive
    phases: { type: 'string', default: 'floor,csv,cold,warm' },
    shapes: { type: 'string', default: 'plain,tagged' },
  },
});
const N = Number(args.recordings);
const REPEAT = Math.max(1, Number(args.repeat));
if (!Number.isInteger(N) || N < 1) throw new Error(`--recordings must be a positive whole number`);

/** The archive of one shape, generated once per N and shape under bench/tmp/. */
function prepare(shape) {
  const work = join(BENCH, 'tmp', shape === 'plain' ? `archive-${N}` : `archive-${N}-${shape}`);
  const marker = join(work, 'generated.json');
  if (!args.regenerate && existsSync(marker)) {
    console.error(`reusing ${work}`);
  } else {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    console.error(`generating ${N} recordings (${shape}) in ${work} …`);
    const t = Date.now();
    generateArchive(work, N, undefined, shape);
    console.error(`generated in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  return {
    work,
    generated: JSON.parse(readFileSync(marker, 'utf8')),
    archive: join(work, 'archive'),
    crm: [join(work, 'crm', 'crm-utf8.csv'), join(work, 'crm', 'crm-cp1250.csv')],
    outDir: join(work, 'report'),
    cacheFile: join(work, 'probe-cache.json'),
  };
}
const shapes = new Set(args.shapes.split(','));
const plain = prepare('plain');
const { work, generated, archive, crm, outDir, cacheFile } = plain;

/** Runs `node <args>` with the RSS hook; returns wall seconds, peak RSS (MB) and stdout. */
function child(nodeArgs, extraEnv = {}) {
  const rssFile = join(work, `rss-${process.pid}.txt`);
  rmSync(rssFile, { force: true });
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--import', join(BENCH, 'max-rss.mjs'), ...nodeArgs], {
    cwd: REPO,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    env: { ...process.env, CI: '1', NO_COLOR: '1', BENCH_RSS_FILE: rssFile, ...extraEnv },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`node ${nodeArgs.join(' ')} failed (${result.status}):\n${result.stderr}`);
  }
  const usage = existsSync(rssFile) ? JSON.parse(readFileSync(rssFile, 'utf8')) : null;
  const rssMb = usage ? usage.maxRssKb / 1024 : null;
  return {
    seconds,
    rssMb,
    cpuSeconds: usage?.cpuSeconds ?? null,
    stdout: result.stdout,
    stderr: result.stderr,
  };
}

function median(runs) {
  const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
  return sorted[Math.floor(sorted.length / 2)];
}

const help = spawnSync(process.execPath, [join(REPO, 'bin/callaudit.js'), 'audit', '--help'], {
  encoding: 'utf8',
}).stdout;
const supports = (flag) => help.includes(flag);
const { REPORTERS } = await import(join(REPO, 'dist/report/index.js'));
const formats = Object.keys(REPORTERS);
const profDir = join(REPO, 'bench', 'tmp', 'profiles');

function auditArgs(target = plain, extra = []) {
  const list = [
    join(REPO, 'bin/callaudit.js'),
    'audit',
    target.archive,
    '--crm',
    ...target.crm,
    '--id-pattern',
    BENCH_ID_PATTERN,
    '--time-column',
    'calldate',
    '--now',
    BENCH_NOW,
    '--out',
    target.outDir,
    '--format',
    formats.join(','),
    '--fail-on',
    'never',
    '--json',
    '--concurrency',
    args.concurrency,
  ];
  if (supports('--cache')) list.push('--cache', target.cacheFile);
  if (supports('--no-progress')) list.push('--no-progress');
  return [...list, ...extra];
}

const prof = (name) =>
  args['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', profDir, '--cpu-prof-name', `${name}.cpuprofile`] : [];
const phases = {};
/** The ratio of two phases' CPU seconds, as text; 'n/a' when either was not measured. */
const cpuRatio = (a, b) => (a.cpuSeconds && b.cpuSeconds ? (a.cpuSeconds / b.cpuSeconds).toFixed(3) : 'n/a');
const measure = (name, run) => {
  const runs = [];
  for (let i = 0; i < REPEAT; i++) runs.push(run());
  const cpu = runs.map((r) => r.cpuSeconds).filter((c) => c !== null);
  const cpuSeconds = cpu.length > 0 ? [...cpu].sort((a, b) => a - b)[Math.floor(cpu.length / 2)] : null;
  phases[name] = {
    ...median(runs),
    all: runs.map((r) => Number(r.seconds.toFixed(3))),
    // The median of the CPU times on their own: under load, wall time mostly measures the others.
    cpuSeconds,
    allCpu: cpu.map((c) => Number(c.toFixed(3))),
  };
  console.error(`${name}: ${phases[name].seconds.toFixed(2)} s, ${cpuSeconds?.toFixed(2) ?? '?'} s CPU`);
};

const wanted = new Set(args.phases.split(','));
if (wanted.has('floor')) measure('floor', () => child([join(BENCH, 'floor.mjs'), archive, args.concurrency]));
// The same reads made the way the audit now makes them: synchronously, in one worker per core.
if (wanted.has('floor')) measure('floorThreads', () => child([join(BENCH, 'floor-threads.mjs'), archive]));
if (wanted.has('csv'))
  measure('csv', () => child([...prof('csv'), join(BENCH, 'ingest-sources.mjs'), 'read', ...crm]));
// The same UTF-8 call log as an Excel workbook and as NDJSON (converted once, not timed).
const sources = join(work, 'sources');
if (wanted.has('csv') && !existsSync(join(sources, 'crm.ndjson'))) {
  child([join(BENCH, 'ingest-sources.mjs'), 'convert', crm[0], sources]);
}
for (const kind of ['xlsx', 'ndjson']) {
  if (wanted.has('csv'))
    measure(kind, () => child([join(BENCH, 'ingest-sources.mjs'), 'read', join(sources, `crm.${kind}`)]));
}
// A 1,000,000-row call log read from MariaDB on the loopback (its own server; needs mariadb-server).
if (wanted.has('mariadb')) measure('mariadb', () => child([join(BENCH, 'ingest-mariadb.mjs'), '1000000']));
const IN_PROCESS = new Set(['csv', 'xlsx', 'ndjson', 'mariadb']);
if (!wanted.has('cold') && !wanted.has('warm')) {
  // Without the audit there is no run to record: print what was measured and keep results/ as it is.
  for (const [name, phase] of Object.entries(phases)) {
    const info = IN_PROCESS.has(name) ? JSON.parse(phase.stdout) : null;
    const rows = info
      ? `, ${Math.round(info.rows / info.seconds).toLocaleString('en')} rows/s in-process`
      : '';
    console.log(`${name}: ${phase.seconds.toFixed(2)} s (runs ${phase.all.join(', ')})${rows}`);
  }
  process.exit(0);
}
measure('auditCold', () => {
  rmSync(cacheFile, { force: true });
  rmSync(outDir, { recursive: true, force: true });
  return child([...prof('audit-cold'), ...auditArgs()]);
});
if (supports('--cache') && wanted.has('warm')) {
  measure('auditWarm', () => child([...prof('audit-warm'), ...auditArgs()]));
}

// The tagged shape: the same measurements of reads, then the audit cold, with call IDs from
// the file name and from tags (falling back to the name, so every file has one either way).
if (shapes.has('tagged')) {
  const tagged = prepare('tagged');
  const cold = (extra) => () => {
    rmSync(tagged.cacheFile, { force: true });
    rmSync(tagged.outDir, { recursive: true, force: true });
    return child(auditArgs(tagged, extra));
  };
  if (wanted.has('floor')) {
    measure('taggedFloor', () => child([join(BENCH, 'floor.mjs'), tagged.archive, args.concurrency]));
    measure('taggedFloorThreads', () => child([join(BENCH, 'floor-threads.mjs'), tagged.archive]));
  }
  measure('taggedCold', cold([]));
  if (supports('--id-from')) measure('taggedIdFromTag', cold(['--id-from', 'tag,filename']));
}

const summary = JSON.parse(phases.auditCold.stdout);
const files = summary.recordings;
// Without a measured floor or CSV phase their rows show n/a.
const skipped = { seconds: NaN, rssMb: null, stdout: '{"files":0,"rows":0,"seconds":null}' };
phases.floor ??= skipped;
phases.csv ??= skipped;
const csvInfo = JSON.parse(phases.csv.stdout);
// Rows per second of the reader itself, without the child's start-up.
phases.csv.rateSeconds = csvInfo.seconds ?? NaN;
const reportBytes = Object.fromEntries(
  readdirSync(outDir).map((name) => [name, statSync(join(outDir, name)).size]),
);

const rate = (count, seconds) => Math.round(count / seconds);
const rows = [
  ['floor: walk + lstat + read 4 KiB', phases.floor, files, 'files'],
  ...(phases.floorThreads
    ? [['floor, worker threads (as the audit reads)', phases.floorThreads, files, 'files']]
    : []),
  ['CSV ingestion (both call logs)', phases.csv, csvInfo.rows, 'rows'],
  ...['xlsx', 'ndjson', 'mariadb']
    .filter((kind) => phases[kind])
    .map((kind) => {
      const info = JSON.parse(phases[kind].stdout);
      phases[kind].rateSeconds = info.seconds;
      const label =
        kind === 'mariadb'
          ? 'MariaDB table on the loopback (1M rows)'
          : `${kind.toUpperCase()} (the UTF-8 call log)`;
      return [label, phases[kind], info.rows, 'rows'];
    }),
  ['audit, cold (no cache)', phases.auditCold, files, 'files'],
];
if (phases.auditWarm) rows.push(['audit, warm (cache, unchanged)', phases.auditWarm, files, 'files']);
const taggedRows = [
  ['tagged: floor, async (walk + lstat + read 4 KiB)', phases.taggedFloor],
  ['tagged: floor, worker threads', phases.taggedFloorThreads],
  ['tagged: audit, cold', phases.taggedCold],
  ['tagged: audit, cold, --id-from tag,filename', phases.taggedIdFromTag],
].filter(([, phase]) => phase !== undefined);

const floorRate = files / phases.floor.seconds;
const lines = [
  `callaudit benchmark: ${N} recordings, ${generated.counts.rows} call-log rows, ${os.cpus().length} cores, ` +
    `${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${REPEAT} run(s), median`,
  '',
  '| what | seconds | items/s | vs floor | peak RSS MB |',
  '|---|---:|---:|---:|---:|',
  ...rows.map(([label, phase, count, unit]) => {
    const perSec = rate(count, phase.rateSeconds ?? phase.seconds);
    const vsFloor = unit === 'files' ? `${Math.round((100 * perSec) / floorRate)}%` : '';
    return `| ${label} | ${phase.seconds.toFixed(2)} | ${perSec.toLocaleString('en')} ${unit}/s | ${vsFloor} | ${phase.rssMb?.toFixed(0) ?? '?'} |`;
  }),
  '',
  `warm/cold: ${phases.auditWarm ? `${(phases.auditWarm.seconds / phases.auditCold.seconds).toFixed(2)} (CPU ${cpuRatio(phases.auditWarm, phases.auditCold)})` : 'n/a (no --cache)'}` +
    `; reports: ${Object.entries(reportBytes)
      .map(([name, bytes]) => `${name} ${(bytes / 2 ** 20).toFixed(1)} MB`)
      .join(', ')}`,
  ...(phases.floorThreads
    ? [
        `cold vs the worker-thread floor: ${Math.round((100 * phases.floorThreads.seconds) / phases.auditCold.seconds)}%`,
      ]
    : []),
  ...(taggedRows.length > 0
    ? [
        '',
        '| tagged shape | seconds | files/s | vs async floor | vs thread floor | peak RSS MB |',
        '|---|---:|---:|---:|---:|---:|',
        ...taggedRows.map(([label, phase]) => {
          const vs = (floor) => (floor ? `${Math.round((100 * floor.seconds) / phase.seconds)}%` : 'n/a');
          return `| ${label} | ${phase.seconds.toFixed(2)} | ${rate(files, phase.seconds).toLocaleString('en')} | ${vs(phases.taggedFloor)} | ${vs(phases.taggedFloorThreads)} | ${phase.rssMb?.toFixed(0) ?? '?'} |`;
        }),
        ...(phases.taggedCold
          ? [
              `tagged cold / plain cold: ${(phases.taggedCold.seconds / phases.auditCold.seconds).toFixed(2)}, CPU ${cpuRatio(phases.taggedCold, phases.auditCold)} (target ≤ 1.25)`,
            ]
          : []),
        ...(phases.taggedIdFromTag && phases.taggedCold
          ? [
              `--id-from tag / filename, tagged shape: ${(phases.taggedIdFromTag.seconds / phases.taggedCold.seconds).toFixed(2)}, CPU ${cpuRatio(phases.taggedIdFromTag, phases.taggedCold)} (target ≤ 1.5)`,
            ]
          : []),
      ]
    : []),
  `verdicts: ${summary.compliant} compliant, ${summary.violation} violation, ${summary.review} review, ${summary.hold} hold`,
];
console.log(lines.join('\n'));

const date = new Date().toISOString().slice(0, 10);
mkdirSync(join(BENCH, 'results'), { recursive: true });
const resultFile = join(BENCH, 'results', `${date}-${N}.json`);
const strip = ({ stdout: _o, stderr: _e, ...rest }) => rest;
writeFileSync(
  resultFile,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      recordings: N,
      callLogRows: generated.counts.rows,
      generated,
      loadAverage: os.loadavg(),
      machine: {
        cores: os.cpus().length,
        cpu: os.cpus()[0]?.model ?? null,
        memoryGiB: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        platform: `${os.platform()} ${os.release()}`,
      },
      concurrency: Number(args.concurrency),
      repeat: REPEAT,
      phases: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, strip(v)])),
      rates: {
        floorFilesPerSec: rate(files, phases.floor.seconds),
        auditColdFilesPerSec: rate(files, phases.auditCold.seconds),
        auditWarmFilesPerSec: phases.auditWarm ? rate(files, phases.auditWarm.seconds) : null,
        csvRowsPerSec: rate(csvInfo.rows, csvInfo.seconds),
        coldVsFloor: Number((phases.floor.seconds / phases.auditCold.seconds).toFixed(3)),
        floorThreadsFilesPerSec: phases.floorThreads ? rate(files, phases.floorThreads.seconds) : null,
        coldVsFloorThreads: phases.floorThreads
          ? Number((phases.floorThreads.seconds / phases.auditCold.seconds).toFixed(3))
          : null,
        taggedColdVsFloor:
          phases.taggedCold && phases.taggedFloor
            ? Number((phases.taggedFloor.seconds / phases.taggedCold.seconds).toFixed(3))
            : null,
        taggedColdVsFloorThreads:
          phases.taggedCold && phases.taggedFloorThreads
            ? Number((phases.taggedFloorThreads.seconds / phases.taggedCold.seconds).toFixed(3))
            : null,
        taggedColdVsPlainCold: phases.taggedCold
          ? Number((phases.taggedCold.seconds / phases.auditCold.seconds).toFixed(3))
          : null,
        idFromTagVsFilename:
          phases.taggedIdFromTag && phases.taggedCold
            ? Number((phases.taggedIdFromTag.seconds / phases.taggedCold.seconds).toFixed(3))
            : null,
        warmVsCold: phases.auditWarm
          ? Number((phases.auditWarm.seconds / phases.auditCold.seconds).toFixed(3))
          : null,
        cpu: {
          warmVsCold: phases.auditWarm ? Number(cpuRatio(phases.auditWarm, phases.auditCold)) : null,
          taggedColdVsPlainCold: phases.taggedCold
            ? Number(cpuRatio(phases.taggedCold, phases.auditCold))
            : null,
          idFromTagVsFilename:
            phases.taggedIdFromTag && phases.taggedCold
              ? Number(cpuRatio(phases.taggedIdFromTag, phases.taggedCold))
              : null,
        },
      },
      reportBytes,
      summary,
    },
    null,
    2,
  )}\n`,
);
console.error(`wrote ${resultFile}`);
