#!/usr/bin/env node
// Regenerates fixtures/demo: a small recording archive, its CRM export, and the verdicts the
// default policy should reach. WAV and GSM files come from audio-bytes.mjs; MP3, Ogg, Opus,
// FLAC, M4A and AAC need ffmpeg (Debian package `ffmpeg`). The output is committed so that CI
// and users never need ffmpeg. Usage: node scripts/make-fixtures.mjs

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rawGsm, wavAlaw, wavGsm610, wavMulaw, wavPcm16 } from './audio-bytes.mjs';

const DEMO = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'demo');
const RECORDINGS = join(DEMO, 'recordings');
const ID_PATTERN = String.raw`_(?<id>[A-Z0-9-]+)\.\w+$`;
/** The demo run's pattern: the same call IDs, and the call's local start time from the name. */
const TIMED_PATTERN = String.raw`[_ ](?<date>\d{8})-(?<time>\d{4})(?:_(?<id>[A-Z0-9-]+))?\.\w+$`;
const NAME_TIME = 'yyyyMMdd HHmm';
const SIZE_BUDGET = 1024 * 1024;

// ffmpeg stamps its version and random Ogg serial numbers into files unless told to be
// bit-exact; without these flags every run would produce a diff.
const FFMPEG_COMMON = ['-map_metadata', '-1', '-fflags', '+bitexact', '-flags:a', '+bitexact'];
const FFMPEG_CODECS = {
  // No ID3v2 header: ffmpeg's empty one makes music-metadata warn about a blank frame.
  mp3: ['-c:a', 'libmp3lame', '-b:a', '16k', '-id3v2_version', '0'],
  ogg: ['-c:a', 'libvorbis', '-q:a', '0'],
  opus: ['-c:a', 'libopus', '-b:a', '12k'],
  flac: ['-c:a', 'flac'],
  m4a: ['-c:a', 'aac', '-b:a', '16k'],
  aac: ['-c:a', 'aac', '-b:a', '16k', '-f', 'adts'],
};

const FORMAT_LABEL = {
  pcm: 'WAV, 16-bit PCM',
  mulaw: 'WAV, G.711 µ-law',
  alaw: 'WAV, G.711 A-law',
  gsmwav: 'WAV, GSM 06.10 (Asterisk wav49)',
  rawgsm: 'raw GSM 06.10 (Asterisk gsm)',
  mp3: 'MP3',
  ogg: 'Ogg Vorbis',
  opus: 'Ogg Opus',
  flac: 'FLAC',
  m4a: 'M4A (AAC)',
  aac: 'AAC (ADTS)',
  empty: 'WAV, zero bytes',
  truncated: 'WAV, 16-bit PCM, cut 16 bytes after the header',
};

/**
 * The archive. `outcomes` are the CRM rows for the call (several recordings of one call list
 * them once, on the first). `expect` is the verdict under the default policy (si-ip-akos).
 */
// prettier-ignore
const RECORDINGS_PLAN = [
  rec('2026/10/03/in_38640111222_20261003-0915_C-1001.wav', 'pcm', 2, '03.10.2026 09:15', ['Naročilo'], 'compliant', 'QUALIFYING_EVENT'),
  rec('2026/10/03/out_38641222333_20261003-1002_C-1002.WAV', 'gsmwav', 3, '03.10.2026 10:02', ['Sprememba naročila'], 'compliant', 'QUALIFYING_EVENT'),
  rec('2026/10/03/in_38651333444_20261003-1140_C-1003.wav', 'mulaw', 2, '03.10.2026 11:40', ['Odpoved pogodbe'], 'compliant', 'QUALIFYING_EVENT'),
  rec('2026/10/03/in_38640444555_20261003-1405_C-1004.wav', 'alaw', 2, '03.10.2026 14:05', ['Reklamacija'], 'compliant', 'QUALIFYING_EVENT'),
  rec('2026/10/04/in_38631555666_20261004-0831_C-1005.gsm', 'rawgsm', 2, '04.10.2026 08:31', ['Ugovor na račun'], 'compliant', 'QUALIFYING_EVENT'),
  rec('sales/out_20261004-0912_C-1006.mp3', 'mp3', 2, '04.10.2026 09:12', ['Nakup paketa'], 'compliant', 'QUALIFYING_EVENT'),
  rec('sales/2026-10/out_20261004-0948_C-1007.ogg', 'ogg', 2, '04.10.2026 09:48', ['Informacije - delovni čas'], 'violation', 'NON_QUALIFYING_ONLY'),
  rec('sales/2026-10/out_20261004-1020_C-1008.opus', 'opus', 2, '04.10.2026 10:20', ['Splošno vprašanje'], 'violation', 'NON_QUALIFYING_ONLY'),
  rec('2026/10/04/in_38640777888_20261004-1103_C-1009.flac', 'flac', 1.5, '04.10.2026 11:03', ['Ni nakupa'], 'violation', 'NON_QUALIFYING_ONLY'),
  rec('sales/2026-10/week-41/out_20261004-1337_C-1010.m4a', 'm4a', 2, '04.10.2026 13:37', ['Stranka ni naročila'], 'violation', 'NON_QUALIFYING_ONLY'),
  rec('2026/10/04/in_38641888999_20261004-1510_C-1011.wav', 'mulaw', 1.5, '04.10.2026 15:10', ['Povratni klic'], 'review', 'UNKNOWN_OUTCOME'),
  rec('2026/10/05/in_38640999000_20261005-0805_C-1012.wav', 'pcm', 1, '05.10.2026 08:05', ['XYZ-17'], 'review', 'UNKNOWN_OUTCOME'),
  rec('support/in_20261005-0850_C-1013.wav', 'alaw', 2, '05.10.2026 08:50', ['Tehnična pomoč'], 'review', 'AMBIGUOUS_CATEGORY'),
  rec('support/2026/10/in_20261005-0930_C-1014.WAV', 'gsmwav', 2, '05.10.2026 09:30', ['Obročno odplačilo'], 'review', 'AMBIGUOUS_CATEGORY'),
  rec('2026/10/05/in_38640123456_20261005-1015_C-1015.wav', 'pcm', 2, '05.10.2026 10:15', ['Splošno vprašanje', 'Naročilo'], 'compliant', 'QUALIFYING_EVENT'),
  rec('2026/10/05/out_38640654321_20261005-1040_C-1016.wav', 'pcm', 1, null, [], 'review', 'COVERAGE_UNKNOWN'),
  rec('misc/recording 20261007-1000.wav', 'pcm', 1, null, [], 'review', 'NO_CALL_ID'),
  rec('misc/voicemail 20261007-1830.wav', 'alaw', 1, null, [], 'review', 'NO_CALL_ID'),
  rec('2026/10/06/in_38640111333_20261006-0900_C-1017.wav', 'empty', 0, '06.10.2026 09:00', ['Naročilo'], 'review', 'UNREADABLE_FILE'),
  rec('2026/10/06/in_38640111444_20261006-0920_C-1018.wav', 'truncated', 2, '06.10.2026 09:20', ['Naročilo'], 'review', 'UNREADABLE_FILE'),
  rec('2026/10/06/in_38640222111_20261006-1045_C-1019.wav', 'pcm', 1.5, '06.10.2026 10:45', ['Naročilo'], 'compliant', 'QUALIFYING_EVENT'),
  rec('2026/10/06/transfer/q_38640222111_20261006-1050_C-1019.wav', 'gsmwav', 1, null, [], 'compliant', 'QUALIFYING_EVENT'),
  rec('2026/10/07/in_38640333111_20261007-0812_C-1020.wav', 'pcm', 1, '07.10.2026 08:12', ['Reklamacija'], 'compliant', 'QUALIFYING_EVENT', { ICMT: 'C-1020' }),
  rec('sales/out_20261007-0905_C-1021.aac', 'aac', 2, '07.10.2026 09:05', ['Sprememba naročila'], 'compliant', 'QUALIFYING_EVENT'),
  rec('3cx/[Janez Novak]_100-038640111222_20261007101500(3)_20261007-1015_C-1022.wav', 'pcm', 1, '07.10.2026 10:15', ['Naročilo'], 'compliant', 'QUALIFYING_EVENT'),
  rec('prodaja/Špela/out_20261007-1130_C-1023.mp3', 'mp3', 1, '07.10.2026 11:30', ['Informacije - delovni čas'], 'violation', 'NON_QUALIFYING_ONLY'),
  rec('sales/OUT_20261007-1202_C-1024.MP3', 'mp3', 1, '07.10.2026 12:02', ['Ni nakupa'], 'violation', 'NON_QUALIFYING_ONLY'),
  rec('2026/10/07/in_38640444222_20261007-1344_C-1025.wav', 'mulaw', 1, '07.10.2026 13:44', ['Povratni klic', 'Ugovor na račun'], 'compliant', 'QUALIFYING_EVENT'),
  rec('2026/10/08/in_38640555333_20261008-0840_C-1026.gsm', 'rawgsm', 1, '08.10.2026 08:40', ['Splošno vprašanje', 'Tehnična pomoč'], 'review', 'AMBIGUOUS_CATEGORY'),
  rec('2026/10/08/out_38640666444_20261008-0915_C-1027.ogg', 'ogg', 1, '08.10.2026 09:15', ['Tehnična pomoč', 'XYZ-17'], 'review', 'UNKNOWN_OUTCOME'),
];

const IGNORED_FILES = {
  '2026/10/03/in_38640111222_20261003-0915_C-1001.json': `${JSON.stringify(
    {
      callId: 'C-1001',
      direction: 'inbound',
      caller: '+38640111222',
      queue: 'prodaja',
      startedAt: '2026-10-03T07:15:00Z',
    },
    null,
    2,
  )}\n`,
  'notes.txt': 'Demo archive for callaudit. Audio files only; this note and the .json sidecar are ignored.\n',
};

/** CRM rows for calls that were not recorded: the join must not invent recordings for them. */
const UNRECORDED_ROWS = [
  { callId: 'C-2001', datum: '03.10.2026 12:30', outcome: 'Naročilo' },
  { callId: 'C-2002', datum: '05.10.2026 14:00', outcome: 'Splošno vprašanje' },
  { callId: 'C-2003', datum: '08.10.2026 10:10', outcome: 'Reklamacija' },
];

const AGENTS = ['Ana Kovač', 'Marko Žagar', 'Tjaša Horvat', 'Luka Novak'];

// Notes exercise what real exports contain: an embedded line break with doubled quotes, and a
// delimiter inside a quoted cell.
const NOTES = {
  'C-1015#2': 'Stranka je najprej spraševala o ceni.\nNato je rekla: "Naročam paket XL."',
  'C-1011#1': 'Pokličemo nazaj; stranka ni doma',
  'C-1003#1': 'Odpoved s 1. 11. 2026',
};

function rec(path, kind, seconds, datum, outcomes, verdict, reason, info) {
  return { path, kind, seconds, datum, outcomes, verdict, reason, info };
}

function callIdOf(path) {
  return new RegExp(ID_PATTERN).exec(path)?.groups?.id ?? null;
}

function main() {
  const ffmpeg = spawnSync('ffmpeg', ['-version'], { encoding: 'utf8' });
  if (ffmpeg.error || ffmpeg.status !== 0) {
    console.error(
      'make-fixtures needs ffmpeg (with libmp3lame, libvorbis, libopus) for the MP3, Ogg, Opus, FLAC, M4A and AAC files.\n' +
        'Install it (Debian/Ubuntu: apt-get install ffmpeg) and run again. The committed fixtures are unchanged.',
    );
    process.exit(1);
  }

  const work = mkdtempSync(join(tmpdir(), 'callaudit-fixtures-'));
  try {
    rmSync(RECORDINGS, { recursive: true, force: true });
    rmSync(join(DEMO, 'crm'), { recursive: true, force: true });
    RECORDINGS_PLAN.forEach((r, i) => writeRecording(r, i, work));
    for (const [path, text] of Object.entries(IGNORED_FILES)) writeFile(join(RECORDINGS, path), text);
    writeFile(join(DEMO, 'crm', 'calls.csv'), crmCsv());
    writeFile(join(DEMO, 'expected.json'), `${JSON.stringify(expected(), null, 2)}\n`);
    writeFile(join(DEMO, 'README.md'), readme());
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  const total = treeSize(DEMO);
  console.log(
    `fixtures/demo: ${RECORDINGS_PLAN.length} recordings, ${(total / 1024).toFixed(0)} KiB in total`,
  );
  if (total > SIZE_BUDGET) {
    console.error(`fixtures/demo is over its ${SIZE_BUDGET / 1024} KiB budget; shorten the recordings.`);
    process.exit(1);
  }
}

function writeRecording(r, index, work) {
  const target = join(RECORDINGS, r.path);
  // A different tone per file makes it audible which file a player is on.
  const tone = { sampleRate: 8000, channels: 1, seconds: r.seconds, freq: 300 + 20 * index, info: r.info };
  switch (r.kind) {
    case 'pcm':
      return writeFile(target, wavPcm16(tone));
    case 'mulaw':
      return writeFile(target, wavMulaw(tone));
    case 'alaw':
      return writeFile(target, wavAlaw(tone));
    case 'gsmwav':
      return writeFile(target, wavGsm610({ seconds: r.seconds }));
    case 'rawgsm':
      return writeFile(target, rawGsm(r.seconds));
    case 'empty':
      return writeFile(target, Buffer.alloc(0));
    case 'truncated':
      // The header still promises r.seconds of audio: a recorder killed mid-call or a copy
      // that stopped early looks exactly like this.
      return writeFile(target, wavPcm16(tone).subarray(0, 44 + 16));
    default: {
      const source = join(work, `${index}.wav`);
      writeFileSync(source, wavPcm16(tone));
      mkdirSync(dirname(target), { recursive: true });
      const run = spawnSync(
        'ffmpeg',
        [
          '-hide_banner',
          '-loglevel',
          'error',
          '-nostdin',
          '-y',
          '-i',
          source,
          ...FFMPEG_COMMON,
          ...FFMPEG_CODECS[r.kind],
          target,
        ],
        { encoding: 'utf8' },
      );
      if (run.status !== 0) throw new Error(`ffmpeg failed for ${r.path}: ${run.stderr}`);
    }
  }
}

function crmCsv() {
  const rows = [];
  let agent = 0;
  for (const r of RECORDINGS_PLAN) {
    const callId = callIdOf(r.path);
    r.outcomes.forEach((outcome, i) => {
      const datum = i === 0 ? r.datum : laterBy(r.datum, 5 * i);
      rows.push({
        callId,
        datum,
        outcome,
        agent: AGENTS[agent++ % AGENTS.length],
        note: NOTES[`${callId}#${i + 1}`] ?? '',
      });
    });
  }
  for (const row of UNRECORDED_ROWS) rows.push({ ...row, agent: AGENTS[agent++ % AGENTS.length], note: '' });
  rows.sort((a, b) => sortableDatum(a.datum).localeCompare(sortableDatum(b.datum)));
  const lines = [
    ['call_id', 'datum', 'outcome', 'agent', 'opomba'],
    ...rows.map((r) => [r.callId, r.datum, r.outcome, r.agent, r.note]),
  ];
  // Excel's "CSV UTF-8" in a Slovenian locale: BOM, `;` (the comma is the decimal sign), CRLF
  // between records, bare LF inside a cell, quotes only where needed.
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(';')).join('\r\n')}\r\n`;
}

function csvCell(value) {
  return /[;"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function laterBy(datum, minutes) {
  const [, d, m, y, hh, mm] = /^(\d\d)\.(\d\d)\.(\d{4}) (\d\d):(\d\d)$/.exec(datum);
  const total = Number(hh) * 60 + Number(mm) + minutes;
  return `${d}.${m}.${y} ${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

function sortableDatum(datum) {
  const [, d, m, y, time] = /^(\d\d)\.(\d\d)\.(\d{4}) (.*)$/.exec(datum);
  return `${y}${m}${d} ${time}`;
}

function expected() {
  const byPath = [...RECORDINGS_PLAN].sort((a, b) =>
    Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)),
  );
  return Object.fromEntries(byPath.map((r) => [r.path, { verdict: r.verdict, reason: r.reason }]));
}

function outcomesOf(callId) {
  return RECORDINGS_PLAN.filter((r) => callIdOf(r.path) === callId).flatMap((r) => r.outcomes);
}

function readme() {
  const cell = (text) => text.replaceAll('|', '\\|');
  const table = RECORDINGS_PLAN.map((r) => {
    const callId = callIdOf(r.path);
    const outcomes = callId === null ? [] : outcomesOf(callId);
    const crm = callId === null ? '—' : outcomes.length === 0 ? '*(no row)*' : outcomes.join(' + ');
    return `| \`${cell(r.path)}\` | ${FORMAT_LABEL[r.kind]}${r.info ? ' + LIST/INFO ICMT' : ''} | ${callId ?? '*(none)*'} | ${crm} | ${r.verdict} | ${r.reason} |`;
  });
  const count = (verdict) => RECORDINGS_PLAN.filter((r) => r.verdict === verdict).length;
  return `# Demo archive

Generated by \`node scripts/make-fixtures.mjs\` (needs ffmpeg; do not edit by hand). Every file
is 8 kHz mono and 1–3 s long.

- \`recordings/\`: ${RECORDINGS_PLAN.length} recordings in FreePBX-style date folders and hand-made folders,
  plus two files that are not recordings and must be ignored: a \`.json\` sidecar and \`notes.txt\`.
- \`crm/calls.csv\`: a Slovenian Excel export (UTF-8 with BOM, \`;\`, CRLF, \`dd.mm.yyyy hh:mm\`
  local time) with columns \`call_id;datum;outcome;agent;opomba\`. One note spans two lines and
  contains doubled quotes, one contains a \`;\`. Calls ${UNRECORDED_ROWS.map((r) => r.callId).join(', ')} have rows but no recording.
- \`expected.json\`: recording path → \`{verdict, reason}\`, as listed below.

The call ID is the last \`_\`-separated part of the file name, so the audit must run with
\`--id-pattern '${ID_PATTERN}'\`. Every name also carries the call's local start time
(\`YYYYMMDD-HHMM\`, the CRM row's time), so the demo run (\`npm run demo\`) reads it from the name and its report does
not depend on when the files were checked out:

\`\`\`sh
callaudit audit fixtures/demo/recordings --crm fixtures/demo/crm/calls.csv \\
  --id-pattern '${TIMED_PATTERN}' --name-time '${NAME_TIME}' --now 2026-11-28T12:00:00Z
\`\`\`

## Expected verdicts (default policy si-ip-akos)

${count('compliant')} compliant, ${count('violation')} violation, ${count('review')} review.
The rules are applied in this order, and the first that applies decides:

1. zero-byte or truncated file → review \`UNREADABLE_FILE\` (even if the call has a qualifying row)
2. no call ID in the path → review \`NO_CALL_ID\`
3. any order / order change / cancellation / complaint / objection → compliant \`QUALIFYING_EVENT\`
4. otherwise any outcome the policy does not know → review \`UNKNOWN_OUTCOME\`
5. otherwise any support / payment-plan outcome → review \`AMBIGUOUS_CATEGORY\`
6. otherwise only information / no-sale outcomes → violation \`NON_QUALIFYING_ONLY\`
7. no row at all → review \`COVERAGE_UNKNOWN\`: the demo log has no time column and the demo run no
   \`--log-period\`, so nothing shows that the log covers the call

| Recording | Format | Call ID | CRM outcome(s) | Verdict | Reason |
|---|---|---|---|---|---|
${table.join('\n')}

C-1019 has two recordings (the second after a transfer to a queue) and one CRM row; both
recordings share its verdict.
`;
}

function writeFile(path, content) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

function treeSize(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath ?? entry.path, entry.name)).size;
  }
  return total;
}

main();
