// Writes a deterministic synthetic FreePBX-style archive and its CRM exports for the benchmark.
// Same N, same bytes (contents, names and modification times), so runs compare like with like.
import { mkdirSync, readFileSync, utimesSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { wavAlaw, wavGsm610, wavMulaw, wavPcm16 } from '../scripts/audio-bytes.mjs';
import { oggOpus, oggVorbis } from '../scripts/mpeg-ogg-bytes.mjs';
import { seededRandom as random } from '../scripts/seeded-random.mjs';
import { bextChunk, id3v1Tag, id3v2Tag, infoList, withWavChunks } from '../scripts/tag-bytes.mjs';

const DEMO = fileURLToPath(new URL('../fixtures/demo/recordings/', import.meta.url));

/** The call ID is FreePBX's UNIQUEID, anchored from the right (a systemname may hold '-'). */
export const BENCH_ID_PATTERN = String.raw`-(?<id>\d+\.\d+)\.\w+$`;
export const BENCH_NOW = '2026-11-28T12:00:00Z';
const CALLS_PER_DAY = 2000;
const FIRST_DAY = Date.UTC(2024, 0, 1);

// A handful of templates per kind: contents barely matter, sizes and headers do.
function templates() {
  const demo = (p) => readFileSync(join(DEMO, p));
  return {
    pcm: [0.25, 0.5, 1, 1.5].map((seconds) => wavPcm16({ seconds })),
    pcmTagged: [wavPcm16({ seconds: 0.5, info: { ICMT: 'agent 7001', INAM: 'call' } })],
    gsm: [2, 5, 10, 20].map((seconds) => wavGsm610({ seconds })),
    mulaw: [1, 2].map((seconds) => wavMulaw({ seconds })),
    alaw: [1, 2].map((seconds) => wavAlaw({ seconds })),
    mp3: [demo('sales/out_20261004-0912_C-1006.mp3'), demo('sales/OUT_20261007-1202_C-1024.MP3')],
    ogg: [
      demo('sales/2026-10/out_20261004-0948_C-1007.ogg'),
      demo('2026/10/08/out_38640666444_20261008-0915_C-1027.ogg'),
    ],
    truncated: [wavPcm16({ seconds: 1 }).subarray(0, 40)],
    noise: [Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7919) % 251))],
    html: [Buffer.from('<html><body>404 Not Found</body></html>\n')],
  };
}

// [kind, extension, share]: 70% WAV (Asterisk wav and wav49 dominate), 20% MP3, 10% Ogg, and
// ~0.5% damaged files of the kinds music-metadata is known to meet.
const MIX = [
  ['empty', 'wav', 0.002],
  ['truncated', 'wav', 0.001],
  ['noise', 'wav', 0.001],
  ['html', 'mp3', 0.001],
  ['pcmTagged', 'wav', 0.01],
  ['mulaw', 'wav', 0.03],
  ['alaw', 'wav', 0.03],
  ['gsm', 'WAV', 0.25],
  ['mp3', 'mp3', 0.2],
  ['ogg', 'ogg', 0.1],
  ['pcm', 'wav', 1],
];

function pickKind(r) {
  let acc = 0;
  for (const [kind, ext, share] of MIX) {
    acc += share;
    if (r < acc) return [kind, ext];
  }
  return ['pcm', 'wav'];
}

const OUTCOMES = [
  ['Naročilo', 0.3],
  ['Sprememba naročila', 0.05],
  ['Reklamacija', 0.05],
  ['Odpoved pogodbe', 0.03],
  ['Informacije - delovni čas', 0.2],
  ['Splošno vprašanje', 0.12],
  ['Ni nakupa', 0.15],
  ['Tehnična pomoč', 0.05],
  ['Povratni klic', 0.05],
];

function pickOutcome(r) {
  let acc = 0;
  for (const [label, share] of OUTCOMES) {
    acc += share;
    if (r < acc) return label;
  }
  return 'Naročilo';
}

const pad = (n, w = 2) => String(n).padStart(w, '0');

// Windows-1250 for the Slovenian letters the labels and notes use; the rest is ASCII.
const CP1250 = new Map([...'čšžČŠŽ'].map((c, i) => [c, [0xe8, 0x9a, 0x9e, 0xc8, 0x8a, 0x8e][i]]));
function encodeCp1250(text) {
  const out = Buffer.alloc(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    out[i] = CP1250.get(c) ?? c.charCodeAt(0);
  }
  return out;
}

const NOTES = [
  '',
  '',
  '',
  'stranka zadovoljna',
  'poklicati nazaj, "nujno"',
  'paket M, 12,50 EUR',
  'preveriti račun\nv ponedeljek',
];

class CsvWriter {
  constructor(path, header, encode) {
    this.fd = openSync(path, 'w');
    this.encode = encode;
    this.parts = [header];
    this.length = header.length;
    this.rows = 0;
  }
  row(line) {
    this.parts.push(line);
    this.length += line.length;
    this.rows++;
    if (this.length > 1 << 20) this.flush();
  }
  flush() {
    writeSync(this.fd, this.encode(this.parts.join('')));
    this.parts = [];
    this.length = 0;
  }
  close() {
    this.flush();
    closeSync(this.fd);
  }
}

const quote = (text, delimiter) =>
  /["\n]/.test(text) || text.includes(delimiter) ? `"${text.replaceAll('"', '""')}"` : text;

const WAV_KINDS = new Set(['pcm', 'gsm', 'mulaw', 'alaw']);

/**
 * The `tagged` shape: the tags real exports carry, on half the files. WAVs get a LIST/INFO
 * chunk (half before the audio, half after) and a fifth of them a BWF `bext`; MP3s an ID3v2.3
 * or 2.4 tag with TXXX:CALL_ID, TSSE and COMM, a third of them an ID3v1 tail too; Ogg files
 * are Opus or Vorbis with CALL_ID, DATE and an encoder comment. Returns null to keep the
 * template as it is. `r` is a stream of its own, so the plain shape's bytes do not change.
 */
function tagged(kind, bytes, uniqueid, agent, r) {
  if (r() >= 0.5) return null;
  if (WAV_KINDS.has(kind)) {
    const chunks = [infoList({ ICMT: `agent ${agent}`, INAM: uniqueid, ISFT: 'Asterisk' })];
    if (r() < 0.2)
      chunks.push(bextChunk({ description: `CALL_ID=${uniqueid}`, originatorReference: uniqueid }));
    return r() < 0.5 ? withWavChunks(bytes, chunks, []) : withWavChunks(bytes, [], chunks);
  }
  if (kind === 'mp3') {
    const tag = id3v2Tag({
      version: r() < 0.5 ? 3 : 4,
      frames: [
        { id: 'TXXX', description: 'CALL_ID', text: uniqueid },
        { id: 'TSSE', text: 'Lavf60.3.100' },
        { id: 'COMM', text: `agent ${agent}` },
      ],
      padding: 256,
    });
    const parts = [tag, bytes];
    if (r() < 1 / 3) parts.push(id3v1Tag({ title: uniqueid, comment: `agent ${agent}` }));
    return Buffer.concat(parts);
  }
  if (kind === 'ogg') {
    const comments = { CALL_ID: uniqueid, DATE: '2026-10-06', ENCODER: 'Lavf60.3.100' };
    return (r() < 0.5 ? oggOpus : oggVorbis)({ seconds: 2, comments });
  }
  return null;
}

/**
 * Writes `recordings` files under `dir/archive` and two call logs under `dir/crm`:
 * `crm-utf8.csv` (UTF-8, `,`, ISO times, LF) and `crm-cp1250.csv` (Windows-1250, `;`,
 * `dd.mm.yyyy HH:mm`, CRLF), 1.5 rows per recording on average, with recordings that have no
 * row and rows whose call has no recording.
 */
export function generateArchive(dir, recordings, seed = 6, shape = 'plain') {
  if (shape !== 'plain' && shape !== 'tagged') throw new Error(`unknown archive shape ${shape}`);
  const rand = random(seed);
  const tagRand = random(seed + 1000);
  const tpl = templates();
  const archive = join(dir, 'archive');
  mkdirSync(join(dir, 'crm'), { recursive: true });
  const utf8 = new CsvWriter(join(dir, 'crm', 'crm-utf8.csv'), 'call_id,calldate,outcome,agent,note\n', (s) =>
    Buffer.from(s, 'utf8'),
  );
  const cp1250 = new CsvWriter(
    join(dir, 'crm', 'crm-cp1250.csv'),
    'call_id;calldate;outcome;agent;note\r\n',
    encodeCp1250,
  );
  const counts = { recordings: 0, bytes: 0, damaged: 0, withoutRows: 0, rows: 0, orphanRows: 0 };
  const kinds = {};
  let madeDir = '';

  const writeRow = (uniqueid, epochSec, r) => {
    const at = new Date(epochSec * 1000 + Math.floor(r() * 600_000));
    const outcome = pickOutcome(r());
    const note = NOTES[Math.floor(r() * NOTES.length)] ?? '';
    const agent = `70${pad(Math.floor(r() * 100))}`;
    if (r() < 1 / 3) {
      const local = `${pad(at.getUTCDate())}.${pad(at.getUTCMonth() + 1)}.${at.getUTCFullYear()} ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}`;
      cp1250.row(`${uniqueid};${local};${quote(outcome, ';')};${agent};${quote(note, ';')}\r\n`);
    } else {
      utf8.row(`${uniqueid},${at.toISOString()},${quote(outcome, ',')},${agent},${quote(note, ',')}\n`);
    }
    counts.rows++;
  };

  for (let i = 0; i < recordings; i++) {
    const day = Math.floor(i / CALLS_PER_DAY);
    const epochSec = Math.floor(FIRST_DAY / 1000) + day * 86400 + 8 * 3600 + (i % CALLS_PER_DAY) * 14;
    const at = new Date(epochSec * 1000);
    const ymd = `${at.getUTCFullYear()}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}`;
    const hms = `${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())}`;
    const folder = join(
      archive,
      String(at.getUTCFullYear()),
      pad(at.getUTCMonth() + 1),
      pad(at.getUTCDate()),
    );
    if (folder !== madeDir) {
      mkdirSync(folder, { recursive: true });
      madeDir = folder;
    }
    const [kind, ext] = pickKind(rand());
    const uniqueid = `${epochSec}.${i}`;
    const direction = rand() < 0.6 ? 'in' : 'out';
    const did = `3861${pad(Math.floor(rand() * 1e6), 6)}`;
    const name = `${direction}-${did}-70${pad(i % 100)}-${ymd}-${hms}-${uniqueid}.${ext}`;
    const choices = tpl[kind];
    const template = choices ? choices[Math.floor(rand() * choices.length)] : Buffer.alloc(0);
    const bytes =
      (shape === 'tagged' && tagged(kind, template, uniqueid, `70${pad(i % 100)}`, tagRand)) || template;
    if (bytes !== template) counts.tagged = (counts.tagged ?? 0) + 1;
    const path = join(folder, name);
    writeFileSync(path, bytes);
    utimesSync(path, at, at);
    counts.recordings++;
    counts.bytes += bytes.length;
    kinds[kind] = (kinds[kind] ?? 0) + 1;
    if (['empty', 'truncated', 'noise', 'html'].includes(kind)) counts.damaged++;

    // 0 rows 5%, 1 row 45%, 2 rows 45%, 3 rows 5%: 1.5 on average.
    const r = rand();
    const rows = r < 0.05 ? 0 : r < 0.5 ? 1 : r < 0.95 ? 2 : 3;
    if (rows === 0) counts.withoutRows++;
    for (let k = 0; k < rows; k++) writeRow(uniqueid, epochSec, rand);
    // Rows whose recording is missing (deleted, never recorded): about 2% of calls.
    if (rand() < 0.02) {
      writeRow(`${epochSec}.${recordings + i}`, epochSec, rand);
      counts.orphanRows++;
    }
  }
  utf8.close();
  cp1250.close();
  writeFileSync(
    join(dir, 'generated.json'),
    `${JSON.stringify({ recordings, seed, shape, counts, kinds }, null, 2)}\n`,
  );
  return {
    archive,
    crm: [join(dir, 'crm', 'crm-utf8.csv'), join(dir, 'crm', 'crm-cp1250.csv')],
    counts,
    kinds,
  };
}
