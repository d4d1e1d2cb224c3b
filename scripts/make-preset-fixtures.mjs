#!/usr/bin/env node
// Regenerates the preset fixtures (fixtures/freepbx-si-cp1250, asterisk-cdr, amazon-connect,
// genesys-cloud, twilio, 3cx, hubspot-calls, salesforce-task): small archives laid out as each
// system writes them, the log exports those systems produce, and expected.json (path → verdict
// and reason). WAV/GSM come from audio-bytes.mjs; MP3/Opus/FLAC with tags need ffmpeg once, the
// output is committed so CI never needs it. Usage: node scripts/make-preset-fixtures.mjs

import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rawGsm, wavGsm610, wavPcm16, wavMulaw } from './audio-bytes.mjs';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const FFMPEG_COMMON = ['-map_metadata', '-1', '-fflags', '+bitexact', '-flags:a', '+bitexact'];

/** Windows-1250 for the Slovenian letters the fixtures use; everything else must be ASCII. */
const CP1250 = { č: 0xe8, Č: 0xc8, š: 0x9a, Š: 0x8a, ž: 0x9e, Ž: 0x8e, ć: 0xe6, đ: 0xf0, '€': 0x80 };
function cp1250(text) {
  return Buffer.from(
    [...text].map((ch) => {
      if (CP1250[ch] !== undefined) return CP1250[ch];
      if (ch.charCodeAt(0) > 0x7f) throw new Error(`no cp1250 byte for ${ch}`);
      return ch.charCodeAt(0);
    }),
  );
}

function put(file, bytes) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
}

/** Encodes a 1 s tone with ffmpeg, adding tags (CALL_ID=… and so on). */
function ffmpeg(file, codecArgs, tags = {}) {
  const source = join(tmpdir(), `callaudit-tone-${process.pid}.wav`);
  writeFileSync(source, wavPcm16({ seconds: 1 }));
  mkdirSync(dirname(file), { recursive: true });
  const metadata = Object.entries(tags).flatMap(([k, v]) => ['-metadata', `${k}=${v}`]);
  const run = spawnSync(
    'ffmpeg',
    ['-y', '-loglevel', 'error', '-i', source, ...FFMPEG_COMMON, ...metadata, ...codecArgs, file],
    { encoding: 'utf8' },
  );
  rmSync(source, { force: true });
  if (run.status !== 0) throw new Error(`ffmpeg failed for ${file}: ${run.stderr}`);
}
const MP3 = ['-c:a', 'libmp3lame', '-b:a', '16k', '-id3v2_version', '3'];
const OPUS = ['-c:a', 'libopus', '-b:a', '12k'];
const FLAC = ['-c:a', 'flac'];

/** Appends a BWF `bext` chunk (EBU Tech 3285 v1, 602 bytes) to a WAV and fixes the RIFF size. */
function withBext(wav, { description = '', originator = '', originatorReference = '' }) {
  const body = Buffer.alloc(602);
  body.write(description, 0, 256, 'latin1');
  body.write(originator, 256, 32, 'latin1');
  body.write(originatorReference, 288, 32, 'latin1');
  body.write('2026-10-03', 320, 10, 'latin1');
  body.write('09:15:00', 330, 8, 'latin1');
  body.writeUInt16LE(1, 346);
  const header = Buffer.alloc(8);
  header.write('bext', 0, 'latin1');
  header.writeUInt32LE(body.length, 4);
  const out = Buffer.concat([wav, header, body]);
  out.writeUInt32LE(out.length - 8, 4);
  return out;
}

/** Appends an `id3 ` chunk holding an ID3v2.3 tag with one TXXX frame, as some recorders do. */
function withId3Chunk(wav, description, value) {
  const body = Buffer.concat([Buffer.from([0]), Buffer.from(`${description}\0${value}`, 'latin1')]);
  const frame = Buffer.alloc(10);
  frame.write('TXXX', 0, 'latin1');
  frame.writeUInt32BE(body.length, 4);
  const frames = Buffer.concat([frame, body]);
  const size = frames.length;
  const syncsafe = [(size >> 21) & 0x7f, (size >> 14) & 0x7f, (size >> 7) & 0x7f, size & 0x7f];
  const tag = Buffer.concat([Buffer.from('ID3', 'latin1'), Buffer.from([3, 0, 0, ...syncsafe]), frames]);
  const padded = tag.length % 2 ? Buffer.concat([tag, Buffer.from([0])]) : tag;
  const header = Buffer.alloc(8);
  header.write('id3 ', 0, 'latin1');
  header.writeUInt32LE(tag.length, 4);
  const out = Buffer.concat([wav, header, padded]);
  out.writeUInt32LE(out.length - 8, 4);
  return out;
}

const crlf = (lines) => lines.join('\r\n') + '\r\n';
const expected = (dir, map) => put(join(FIXTURES, dir, 'expected.json'), JSON.stringify(map, null, 2) + '\n');

function freepbx() {
  const dir = join(FIXTURES, 'freepbx-si-cp1250');
  rmSync(dir, { recursive: true, force: true });
  const m = (p) => join(dir, 'monitor', p);
  put(m('2026/10/03/in-38615001234-38640111222-20261003-091500-1759475700.12.wav'), wavPcm16({ seconds: 1 }));
  put(m('2026/10/03/out-040111222-7001-20261003-093000-pbx1-1759476600.20.WAV'), wavGsm610({ seconds: 1 }));
  put(m('2026/10/04/q-600-38641222333-20261004-101500-1759565700.31.gsm'), rawGsm(1));
  put(m('2026/10/04/ondemand-7002-7002-20261004-110000-1759568400.40.wav'), wavMulaw({ seconds: 1 }));
  // FreePBX CDR export from asteriskcdrdb.cdr: recordingfile bare or as a full path.
  put(
    join(dir, 'cdr.csv'),
    crlf([
      'calldate,clid,src,dst,dcontext,channel,dstchannel,lastapp,lastdata,duration,billsec,disposition,amaflags,accountcode,uniqueid,userfield,did,recordingfile,cnum,cnam,linkedid',
      '2026-10-03 09:15:00,"""Ana"" <38640111222>",38640111222,38615001234,from-trunk,SIP/trunk-01,SIP/7001-02,Dial,SIP/7001,65,60,ANSWERED,DOCUMENTATION,,1759475700.12,,38615001234,in-38615001234-38640111222-20261003-091500-1759475700.12.wav,38640111222,Ana,1759475700.11',
      '2026-10-03 09:30:00,"""7001"" <7001>",7001,040111222,from-internal,SIP/7001-03,SIP/trunk-04,Dial,SIP/trunk/040111222,40,35,ANSWERED,DOCUMENTATION,,pbx1-1759476600.20,,,out-040111222-7001-20261003-093000-pbx1-1759476600.20.WAV,7001,,pbx1-1759476600.20',
      '2026-10-04 10:15:00,"""Marko"" <38641222333>",38641222333,600,ext-queues,SIP/trunk-05,SIP/7002-06,Queue,600,80,70,ANSWERED,DOCUMENTATION,,1759565701.99,,,/var/spool/asterisk/monitor/2026/10/04/q-600-38641222333-20261004-101500-1759565700.31.gsm,38641222333,Marko,1759565700.30',
    ]),
  );
  // CRM export from Slovenian Excel: Windows-1250, `;`, dd.mm.yyyy HH:MM, a note with CRLF.
  put(
    join(dir, 'crm.csv'),
    cp1250(
      crlf([
        'ID klica;Datum;Izid;Opomba',
        '1759475700.11;03.10.2026 09:16;Naročilo;"Stranka naroči paket ""Optika""\r\nin usmerjevalnik"',
        'pbx1-1759476600.20;03.10.2026 09:31;Informacije o cenah;',
        '1759565700.30;04.10.2026 10:17;Reklamacija računa;Žiga',
      ]),
    ),
  );
  expected('freepbx-si-cp1250', {
    '2026/10/03/in-38615001234-38640111222-20261003-091500-1759475700.12.wav': [
      'compliant',
      'QUALIFYING_EVENT',
    ],
    '2026/10/03/out-040111222-7001-20261003-093000-pbx1-1759476600.20.WAV': [
      'violation',
      'NON_QUALIFYING_ONLY',
    ],
    '2026/10/04/q-600-38641222333-20261004-101500-1759565700.31.gsm': ['compliant', 'QUALIFYING_EVENT'],
    '2026/10/04/ondemand-7002-7002-20261004-110000-1759568400.40.wav': ['violation', 'NO_CALL_LOG_ENTRY'],
  });
}

/** One cdr_csv row: strings quoted, integers bare, an unset time empty. */
function cdrRow(values) {
  return values.map((v) => (typeof v === 'number' ? String(v) : v === null ? '' : `"${v}"`)).join(',');
}

function asteriskCdr() {
  const dir = join(FIXTURES, 'asterisk-cdr');
  rmSync(dir, { recursive: true, force: true });
  const m = (p) => join(dir, 'monitor', p);
  put(m('2026/10/05/in-38615001234-38640555666-20261005-080000-1759644000.5.wav'), wavPcm16({ seconds: 1 }));
  put(m('2026/10/05/in-38615001234-38640777888-20261005-081500-1759644900.9.wav'), wavPcm16({ seconds: 1 }));
  const base = (src, start, answer, disposition, uniqueid, linkedid, seq) =>
    cdrRow([
      '',
      src,
      '38615001234',
      'from-trunk',
      `"Caller" <${src}>`,
      'SIP/trunk-0001',
      'SIP/7001-0002',
      'Dial',
      'SIP/7001,30',
      start,
      answer,
      start,
      62,
      answer ? 60 : 0,
      disposition,
      'DOCUMENTATION',
      uniqueid,
      '',
      '',
      linkedid,
      seq,
    ]);
  // newcdrcolumns, loguniqueid and loguserfield on: 21 columns, no header row.
  put(
    join(dir, 'Master.csv'),
    [
      base(
        '38640555666',
        '2026-10-05 08:00:00',
        '2026-10-05 08:00:02',
        'ANSWERED',
        '1759644000.5',
        '1759644000.4',
        11,
      ),
      base(
        '38640777888',
        '2026-10-05 08:15:00',
        '2026-10-05 08:15:03',
        'ANSWERED',
        '1759644900.9',
        '1759644900.9',
        12,
      ),
      base('38640999000', '2026-10-05 08:30:00', null, 'NO ANSWER', '1759645800.2', '1759645800.2', 13),
    ].join('\n') + '\n',
  );
  // Salesforce Data Loader export: API names, ISO UTC, a Description note over two lines.
  put(
    join(dir, 'tasks.csv'),
    crlf([
      '"Id","Subject","CallObject","CallType","CallDisposition","CallDurationInSeconds","CreatedDate","Description"',
      '"00T000000000001AAA","Call","1759644000.4","Inbound","Order placed","60","2026-10-05T06:01:00.000Z","Customer ordered\r\nthe 200 Mbit package"',
      '"00T000000000002AAA","Call","1759644900.9","Inbound","Information only","55","2026-10-05T06:16:00.000Z",""',
    ]),
  );
  // 16 columns (cdr.conf defaults): no uniqueid, so it cannot link recordings.
  put(
    join(dir, 'layouts', 'Master-16.csv'),
    cdrRow([
      '',
      '100',
      '200',
      'default',
      '"A" <100>',
      'SIP/100-1',
      'SIP/200-2',
      'Dial',
      'SIP/200',
      '2026-10-05 08:00:00',
      '2026-10-05 08:00:01',
      '2026-10-05 08:01:00',
      60,
      59,
      'ANSWERED',
      'DOCUMENTATION',
    ]) + '\n',
  );
  put(
    join(dir, 'layouts', 'Master-17.csv'),
    cdrRow([
      '',
      '100',
      '200',
      'default',
      '"A" <100>',
      'SIP/100-1',
      'SIP/200-2',
      'Dial',
      'SIP/200',
      '2026-10-05 08:00:00',
      '2026-10-05 08:00:01',
      '2026-10-05 08:01:00',
      60,
      59,
      'ANSWERED',
      'DOCUMENTATION',
      '1759644000.5',
    ]) + '\n',
  );
  put(
    join(dir, 'layouts', 'Master-18.csv'),
    cdrRow([
      '',
      '100',
      '200',
      'default',
      '"A" <100>',
      'SIP/100-1',
      'SIP/200-2',
      'Dial',
      'SIP/200',
      '2026-10-05 08:00:00',
      '2026-10-05 08:00:01',
      '2026-10-05 08:01:00',
      60,
      59,
      'ANSWERED',
      'DOCUMENTATION',
      '1759644000.5',
      'vip',
    ]) + '\n',
  );
  expected('asterisk-cdr', {
    '2026/10/05/in-38615001234-38640555666-20261005-080000-1759644000.5.wav': [
      'compliant',
      'QUALIFYING_EVENT',
    ],
    '2026/10/05/in-38615001234-38640777888-20261005-081500-1759644900.9.wav': [
      'violation',
      'NON_QUALIFYING_ONLY',
    ],
  });
}

function amazonConnect() {
  const dir = join(FIXTURES, 'amazon-connect');
  rmSync(dir, { recursive: true, force: true });
  const r = (p) => join(dir, 'connect', 'acme-si', 'CallRecordings', p);
  // The colon of the real names is written as %3A and `_`, as sync tools on Windows leave it;
  // the end-to-end test copies one to a name with a real colon.
  put(
    r('2026/10/03/5d0ea9ec-0d0a-4cab-8b27-d4353bca6c08_20261003T07%3A15_UTC.wav'),
    wavPcm16({ seconds: 1, channels: 2 }),
  );
  put(
    r('2026/10/03/8f14e45f-ceea-467a-9af0-2c5b6b1e0a21_20261003T08_40_UTC.wav'),
    wavPcm16({ seconds: 1, channels: 2 }),
  );
  put(
    r('2026/10/04/c9f0f895-fb98-4b91-9b3e-6a8a3d5f7c10_20261004T12-05_UTC.wav'),
    wavPcm16({ seconds: 1, channels: 2 }),
  );
  // Salesforce report export (Service Cloud Voice puts the ContactId into CallObject): field
  // labels as headers, Slovenian locale dates, UTF-8 with BOM, `;`.
  put(
    join(dir, 'salesforce-report.csv'),
    Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(
        crlf([
          'Zadeva;Call Object Identifier;Call Result;Created Date',
          'Klic;5D0EA9EC-0D0A-4CAB-8B27-D4353BCA6C08;Sprememba paketa;3. 10. 2026 09:16',
          'Klic;8f14e45f-ceea-467a-9af0-2c5b6b1e0a21;Brez nakupa;3. 10. 2026 10:41',
        ]),
      ),
    ]),
  );
  expected('amazon-connect', {
    '2026/10/03/5d0ea9ec-0d0a-4cab-8b27-d4353bca6c08_20261003T07%3A15_UTC.wav': [
      'compliant',
      'QUALIFYING_EVENT',
    ],
    '2026/10/03/8f14e45f-ceea-467a-9af0-2c5b6b1e0a21_20261003T08_40_UTC.wav': [
      'violation',
      'NON_QUALIFYING_ONLY',
    ],
    // The call log covers 3 October only, so it says nothing about a call on the 4th.
    '2026/10/04/c9f0f895-fb98-4b91-9b3e-6a8a3d5f7c10_20261004T12-05_UTC.wav': [
      'review',
      'OUTSIDE_LOG_COVERAGE',
    ],
  });
}

function genesys() {
  const dir = join(FIXTURES, 'genesys-cloud');
  rmSync(dir, { recursive: true, force: true });
  const conv = (hour, id) =>
    join(dir, 'org-7f3a', 'year=2026', 'month=10', 'day=3', `hour=${hour}`, `conversation_id=${id}`);
  const ok = '0b4e5bd2-6c61-4a4e-9d1c-6f1f2d1e9a01';
  const bad = '1c5f6ce3-7d72-4b5f-8e2d-7a2a3e2f0b12';
  const clash = '2d6a7df4-8e83-4c6a-9f3e-8b3b4f3a1c23';
  const sidecar = (convId, recId) =>
    JSON.stringify(
      { conversationId: convId, recordingId: recId, mediaType: 'Call', provider: 'Genesys Cloud' },
      null,
      2,
    );
  const a = join(conv(7, ok), '7d9f1c2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f.opus');
  ffmpeg(a, OPUS);
  put(`${a}_metadata.json`, sidecar(ok, '7d9f1c2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f'));
  const b = join(conv(8, bad), '8e0a2d3f-4c5b-4d6e-9f0a-1b2c3d4e5f60.opus');
  ffmpeg(b, OPUS);
  put(`${b}_metadata.json`, '{"conversationId": "' + bad + '", "mediaType": "Call",');
  const c = join(conv(9, clash), '9f1b3e4a-5d6c-4e7f-8a1b-2c3d4e5f6071.opus');
  ffmpeg(c, OPUS);
  put(
    `${c}_metadata.json`,
    sidecar('3e7b8e05-9f94-4d7b-8a4f-9c4c5a4b2d34', '9f1b3e4a-5d6c-4e7f-8a1b-2c3d4e5f6071'),
  );
  put(
    join(dir, 'conversations.csv'),
    crlf([
      'conversationId,conversationStart,wrapUpCode',
      `${ok},2026-10-03T07:12:00.000Z,Order placed`,
      `${bad},2026-10-03T08:05:00.000Z,Order placed`,
      `${clash},2026-10-03T09:20:00.000Z,Order placed`,
    ]),
  );
  const rel = (p) => relative(join(dir, 'org-7f3a'), p);
  expected('genesys-cloud', {
    [rel(a)]: ['compliant', 'QUALIFYING_EVENT'],
    [rel(b)]: ['review', 'UNREADABLE_SIDECAR'],
    [rel(c)]: ['review', 'CONFLICTING_CALL_ID'],
  });
}

function twilio() {
  const dir = join(FIXTURES, 'twilio');
  rmSync(dir, { recursive: true, force: true });
  const re1 = 'RE0123456789abcdef0123456789abcdef';
  const re2 = 'RE89abcdef0123456789abcdef01234567';
  const re3 = 'REfedcba9876543210fedcba9876543210';
  put(join(dir, 'recordings', `${re1}.wav`), wavPcm16({ seconds: 1 }));
  ffmpeg(join(dir, 'recordings', `${re2}.mp3`), MP3);
  put(join(dir, 'recordings', `${re3}.wav`), wavPcm16({ seconds: 1 }));
  put(
    join(dir, 'recordings.csv'),
    crlf([
      'Sid,CallSid,DateCreated,Duration,Channels,Source,Status',
      `${re1},CA11111111111111111111111111111111,"Sat, 03 Oct 2026 07:15:30 +0000",61,1,DialVerb,completed`,
      `${re2},CA22222222222222222222222222222222,"Sat, 03 Oct 2026 08:02:10 +0000",45,1,DialVerb,completed`,
    ]),
  );
  put(
    join(dir, 'calls.csv'),
    crlf([
      'CallSid,DateCreated,Outcome',
      'CA11111111111111111111111111111111,"Sat, 03 Oct 2026 07:15:00 +0000",Order placed',
      'CA22222222222222222222222222222222,"Sat, 03 Oct 2026 08:02:00 +0000",Opening hours',
    ]),
  );
  expected('twilio', {
    [`${re1}.wav`]: ['compliant', 'QUALIFYING_EVENT'],
    [`${re2}.mp3`]: ['violation', 'NON_QUALIFYING_ONLY'],
    [`${re3}.wav`]: ['review', 'NO_CALL_ID'],
  });
}

function threeCx() {
  const dir = join(FIXTURES, '3cx');
  rmSync(dir, { recursive: true, force: true });
  const r = (p) => join(dir, 'Recordings', p);
  const a = '[Špela Novak]_100-040111222_20261003091500(12).wav';
  const b = '[]_201-0038640333444_20261003101010(13).wav';
  const c = '[27836826436]_27836826436-100_20261004124743(3).wav';
  put(r(`100/${a}`), wavPcm16({ seconds: 1 }));
  put(r(`201 (prodaja)/${b}`), wavPcm16({ seconds: 1 }));
  put(r(`100/${c}`), wavAlawOrPcm());
  // 3CX keeps no outcomes; the CRM stores the recording_url it received from 3CX.
  put(
    join(dir, 'crm-calls.csv'),
    crlf(['recording_url;Izid;Datum', `${a};Naročilo;03.10.2026 09:20`, `${b};Informacije;03.10.2026 10:12`]),
  );
  expected('3cx', {
    [`100/${a}`]: ['compliant', 'QUALIFYING_EVENT'],
    // The call log covers 3 October only, so it says nothing about a call on the 4th.
    [`100/${c}`]: ['review', 'OUTSIDE_LOG_COVERAGE'],
    [`201 (prodaja)/${b}`]: ['violation', 'NON_QUALIFYING_ONLY'],
  });
}
const wavAlawOrPcm = () => wavPcm16({ seconds: 1, freq: 300 });

function hubspot() {
  const dir = join(FIXTURES, 'hubspot-calls');
  rmSync(dir, { recursive: true, force: true });
  const r = (p) => join(dir, 'recordings', p);
  // Recorders that tag the call ID: ID3 TXXX in MP3 and in a WAV's id3 chunk, Vorbis in FLAC.
  ffmpeg(r('2026-10-06/ext-1001.mp3'), MP3, { CALL_ID: 'ext-1001' });
  ffmpeg(r('2026-10-06/ext-1002.flac'), FLAC, { CALL_ID: 'ext-1002' });
  put(r('2026-10-06/ext-1003.wav'), withId3Chunk(wavPcm16({ seconds: 1 }), 'CALL_ID', 'ext-1003'));
  // The name says ext-1004, the tag ext-9999: the join key cannot be trusted.
  ffmpeg(r('2026-10-06/ext-1004.mp3'), MP3, { CALL_ID: 'ext-9999' });
  // RIFF INFO comment and BWF originator reference, read with --id-tag ICMT / bext.originatorReference.
  put(join(dir, 'tagged-riff', 'info-0005.wav'), wavPcm16({ seconds: 1, info: { ICMT: 'ext-1005' } }));
  put(
    join(dir, 'tagged-riff', 'bwf-0006.wav'),
    withBext(wavPcm16({ seconds: 1 }), { originatorReference: 'ext-1006', description: 'call ext-1006' }),
  );
  const ms = (iso) => String(Date.parse(iso));
  put(
    join(dir, 'hubspot-calls.csv'),
    crlf([
      'hs_object_id,hs_call_external_id,hs_timestamp,hs_call_disposition,hs_call_title,hs_call_body',
      `5001,ext-1001,${ms('2026-10-06T07:00:00Z')},f240bbac-87c9-4f6e-bf70-924b57d47db7,Inbound call,"<p>Wanted opening hours</p>"`,
      `5002,ext-1002,${ms('2026-10-06T07:30:00Z')},b2cf5968-551e-4856-9783-52b3da59a7d0,Outbound call,`,
      `5004,ext-1004,${ms('2026-10-06T08:30:00Z')},f240bbac-87c9-4f6e-bf70-924b57d47db7,Inbound call,`,
    ]),
  );
  // The UI export: property labels as headers, custom outcome labels as values.
  put(
    join(dir, 'hubspot-ui-export.csv'),
    crlf([
      'Record ID,External call ID,Activity date,Call outcome,Call title',
      '5003,ext-1003,2026-10-06 08:00,Order placed,Inbound call',
      '5005,ext-1005,2026-10-06 08:40,Order placed,Inbound call',
      '5006,ext-1006,2026-10-06 08:50,Complaint,Inbound call',
    ]),
  );
  expected('hubspot-calls', {
    '2026-10-06/ext-1004.mp3': ['review', 'CONFLICTING_CALL_ID'],
    '2026-10-06/ext-1001.mp3': ['review', 'UNKNOWN_OUTCOME'],
    '2026-10-06/ext-1002.flac': ['violation', 'NON_QUALIFYING_ONLY'],
    '2026-10-06/ext-1003.wav': ['compliant', 'QUALIFYING_EVENT'],
  });
}

function salesforce() {
  const dir = join(FIXTURES, 'salesforce-task');
  rmSync(dir, { recursive: true, force: true });
  put(join(dir, 'recordings', 'SF-0001.wav'), wavPcm16({ seconds: 1 }));
  put(join(dir, 'recordings', 'SF-0002.wav'), wavPcm16({ seconds: 1 }));
  put(join(dir, 'recordings', 'SF-0003.wav'), wavPcm16({ seconds: 1 }));
  // Data Loader: API names, ISO UTC, CRLF notes inside quotes, then a row after them whose
  // line number must still be right.
  put(
    join(dir, 'tasks.csv'),
    crlf([
      'Id,Subject,CallObject,CallType,CallDisposition,CallDurationInSeconds,ActivityDate,CreatedDate,Description',
      '00T1,Call,SF-0001,Inbound,Naročilo,120,2026-10-07,2026-10-07T07:00:00.000Z,"Line one\r\nline two\r\nline three"',
      '00T2,Call,SF-0002,Outbound,Ni interesa,30,2026-10-07,2026-10-07T08:00:00.000Z,"x"',
      '00T3,Call,SF-0003,Inbound,Reklamacija,90,2026-10-07,not-a-date,"bad time on line 7"',
    ]),
  );
  // A US-style export: 03/04/2026 reads as 3 April or March 4 — an error without --date-format.
  put(
    join(dir, 'tasks-slashed.csv'),
    crlf([
      'CallObject,CallDisposition,CreatedDate',
      'SF-0001,Naročilo,03/04/2026 09:15',
      'SF-0002,Ni interesa,03/14/2026 10:00',
    ]),
  );
  // A report exported as "Unicode text": UTF-16LE with BOM, tabs, field labels, Slovenian dates.
  put(
    join(dir, 'tasks-report-utf16.txt'),
    Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(
        crlf([
          'Zadeva\tCall Object Identifier\tCall Result\tCreated Date\tComments',
          'Klic\tSF-0001\tNaročilo\t7. 10. 2026 9:00\t"Stranka želi\r\nnov paket"',
          'Klic\tSF-0002\tNi interesa\t7. 10. 2026 10:00\t',
        ]),
        'utf16le',
      ),
    ]),
  );
  expected('salesforce-task', {
    'SF-0001.wav': ['compliant', 'QUALIFYING_EVENT'],
    'SF-0002.wav': ['violation', 'NON_QUALIFYING_ONLY'],
    'SF-0003.wav': ['compliant', 'QUALIFYING_EVENT'],
  });
}

freepbx();
asteriskCdr();
amazonConnect();
genesys();
twilio();
threeCx();
hubspot();
salesforce();
console.log('preset fixtures written');
