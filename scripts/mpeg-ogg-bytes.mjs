// Pure writers for MP3 and Ogg (Vorbis, Opus) files with real container structure: MPEG frame
// headers, Xing/Info and LAME tags, ID3v2 text tags; Ogg pages with lacing, continuation flags,
// granule positions and CRCs. The audio payload is silence (MP3: zero side information and
// main data, which decoders play as silence) or filler (Ogg packets): the probes read
// structure, never samples. Tests use these to vary what ffmpeg fixtures cannot cheaply:
// rates, layouts, cuts. No dependencies, no I/O, same bytes for the same input.

const MPEG_VERSION_BITS = { 1: 0b11, 2: 0b10, 2.5: 0b00 };
const MPEG_RATES = { 1: [44100, 48000, 32000], 2: [22050, 24000, 16000], 2.5: [11025, 12000, 8000] };
// Layer III kbit/s by index: MPEG-1, MPEG-2/2.5.
const L3_KBPS = {
  1: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};

/**
 * @typedef {object} Mp3Options
 * @property {1 | 2 | 2.5} [version] default 1
 * @property {number} [sampleRate] must suit the version; default its first rate
 * @property {number[]} [kbps] bitrate per frame, cycled; one value = CBR; default [32]
 * @property {1 | 2} [channels] default 1
 * @property {number} [frames] audio frames, default 40
 * @property {'Info' | 'Xing' | null} [xing] a Xing/Info first frame, default 'Info'
 * @property {number} [xingFlags] which Xing fields are present (1 frames, 2 bytes, 4 TOC,
 *   8 quality), default 0x0f
 * @property {boolean} [lame] a LAME extension in the Xing frame, default true
 * @property {boolean} [crc] frames protected by CRC, default false
 * @property {Record<string, string> | null} [id3v2] ID3v2.3 text frames, default none
 * @property {number} [id3Padding] zero bytes after the ID3v2 frames, default 0
 */

/** @param {Mp3Options} [o] */
export function mp3(o = {}) {
  const version = o.version ?? 1;
  const sampleRate = o.sampleRate ?? MPEG_RATES[version][0];
  const rateIndex = MPEG_RATES[version].indexOf(sampleRate);
  if (rateIndex < 0) throw new Error(`${sampleRate} Hz is not an MPEG-${version} rate`);
  const kbpsList = o.kbps ?? [32];
  const channels = o.channels ?? 1;
  const frameCount = o.frames ?? 40;
  const xing = o.xing === undefined ? 'Info' : o.xing;
  const samplesPerFrame = version === 1 ? 1152 : 576;
  const table = L3_KBPS[version === 1 ? 1 : 2];

  let padAccumulator = 0;
  /** @param {number} kbps */
  const frame = (kbps) => {
    const bitrateIndex = table.indexOf(kbps);
    if (bitrateIndex < 1) throw new Error(`${kbps} kbit/s is not an MPEG-${version} layer III rate`);
    // Padding as encoders place it, so the average frame length matches the bitrate.
    const exact = ((samplesPerFrame / 8) * kbps * 1000) / sampleRate;
    padAccumulator += exact - Math.floor(exact);
    const padding = padAccumulator >= 1 ? 1 : 0;
    padAccumulator -= padding;
    const bytes = Buffer.alloc(Math.floor(exact) + padding);
    bytes[0] = 0xff;
    bytes[1] = 0xe0 | (MPEG_VERSION_BITS[version] << 3) | (0b01 << 1) | (o.crc ? 0 : 1);
    bytes[2] = (bitrateIndex << 4) | (rateIndex << 2) | (padding << 1);
    bytes[3] = (channels === 1 ? 0b11 : 0b01) << 6; // mono or joint stereo
    return bytes;
  };

  const audio = [];
  for (let i = 0; i < frameCount; i++) audio.push(frame(kbpsList[i % kbpsList.length]));
  const parts = [];
  if (xing) {
    const sideInfo = version === 1 ? (channels === 1 ? 17 : 32) : channels === 1 ? 9 : 17;
    // Like LAME, the tag frame takes the lowest bitrate (from the stream's own) it fits in.
    const tagBytes = 4 + (o.crc ? 2 : 0) + sideInfo + 120 + (o.lame !== false ? 36 : 0);
    const fits = (kbps) => Math.floor(((samplesPerFrame / 8) * kbps * 1000) / sampleRate) >= tagBytes;
    const tagKbps = table.find((kbps) => kbps >= kbpsList[0] && fits(kbps));
    if (tagKbps === undefined) throw new Error('no bitrate fits the Xing tag');
    padAccumulator = 0;
    const first = frame(tagKbps);
    let at = 4 + (o.crc ? 2 : 0) + sideInfo;
    const streamBytes = audio.reduce((n, f) => n + f.length, first.length);
    const flags = o.xingFlags ?? 0x0f; // frames, bytes, TOC, quality
    at += first.write(xing, at, 'latin1');
    at = first.writeUInt32BE(flags, at);
    if (flags & 1) at = first.writeUInt32BE(frameCount, at);
    if (flags & 2) at = first.writeUInt32BE(streamBytes, at);
    if (flags & 4) {
      for (let i = 0; i < 100; i++) first[at + i] = Math.floor((i * 256) / 100);
      at += 100;
    }
    if (flags & 8) at = first.writeUInt32BE(xing === 'Info' ? 0 : 60, at);
    if (o.lame !== false) {
      at += first.write('LAME3.100', at, 'latin1');
      // Extended LAME tag: the music length (bytes) sits 20 bytes in.
      first.writeUInt32BE(streamBytes, at + 1 + 20);
    }
    parts.push(first);
  }
  parts.push(...audio);
  if (o.id3v2) parts.unshift(id3v2(o.id3v2, o.id3Padding ?? 0));
  return Buffer.concat(parts);
}

/** ID3v2.3 with Latin-1 text frames. @param {Record<string, string>} frames @param {number} padding */
export function id3v2(frames, padding = 0) {
  const body = Buffer.concat([
    ...Object.entries(frames).map(([id, text]) => {
      const data = Buffer.concat([Buffer.from([0]), Buffer.from(text, 'latin1')]);
      const header = Buffer.alloc(10);
      header.write(id, 0, 4, 'latin1');
      header.writeUInt32BE(data.length, 4);
      return Buffer.concat([header, data]);
    }),
    Buffer.alloc(padding),
  ]);
  const header = Buffer.from([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, 0]);
  for (let i = 0; i < 4; i++) header[9 - i] = (body.length >> (7 * i)) & 0x7f;
  return Buffer.concat([header, body]);
}

// Ogg's CRC-32: polynomial 0x04c11db7, no reflection, initial value 0.
const CRC_TABLE = Array.from({ length: 256 }, (_, i) => {
  let r = i << 24;
  for (let k = 0; k < 8; k++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
  return r >>> 0;
});

/** @param {Buffer} bytes */
function oggCrc(bytes) {
  let crc = 0;
  for (const b of bytes) crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ b) & 0xff]) >>> 0;
  return crc;
}

/**
 * Packs packets into pages: each `pages` entry lists the packets (or packet pieces) that start
 * or continue on that page. Long packets are split at 255 × 255 bytes per page.
 * @param {{packets: Buffer[], granule: bigint}[]} groups packets ending on a page with a granule
 * @param {number} serial
 */
function oggPages(groups, serial) {
  const pages = [];
  let sequence = 0;
  groups.forEach((group, g) => {
    /** @type {{segments: number[], data: Buffer[], continued: boolean}} */
    let page = { segments: [], data: [], continued: false };
    const flush = (complete) => {
      const header = Buffer.alloc(27 + page.segments.length);
      header.write('OggS', 0, 'latin1');
      header[5] = (page.continued ? 1 : 0) | (sequence === 0 ? 2 : 0);
      if (complete && g === groups.length - 1) header[5] |= 4;
      // A page on which no packet ends carries granule position -1.
      header.writeBigUInt64LE(complete ? group.granule : 0xffffffffffffffffn, 6);
      header.writeUInt32LE(serial, 14);
      header.writeUInt32LE(sequence++, 18);
      header[26] = page.segments.length;
      Buffer.from(page.segments).copy(header, 27);
      const bytes = Buffer.concat([header, ...page.data]);
      bytes.writeUInt32LE(oggCrc(bytes), 22);
      pages.push(bytes);
    };
    for (const packet of group.packets) {
      let at = 0;
      for (;;) {
        const take = Math.min(255, packet.length - at);
        if (page.segments.length === 255) {
          flush(false);
          page = { segments: [], data: [], continued: at > 0 };
        }
        page.segments.push(take);
        page.data.push(packet.subarray(at, at + take));
        at += take;
        if (take < 255) break;
      }
    }
    flush(true);
  });
  return Buffer.concat(pages);
}

/** @param {string} vendor @param {Record<string, string>} comments */
function commentList(vendor, comments) {
  const entries = Object.entries(comments).map(([k, v]) => Buffer.from(`${k}=${v}`, 'utf8'));
  const parts = [Buffer.alloc(4), Buffer.from(vendor, 'utf8'), Buffer.alloc(4)];
  parts[0].writeUInt32LE(parts[1].length);
  parts[2].writeUInt32LE(entries.length);
  for (const e of entries) {
    const len = Buffer.alloc(4);
    len.writeUInt32LE(e.length);
    parts.push(len, e);
  }
  return Buffer.concat(parts);
}

/** Filler audio packets whose first byte is even, as Vorbis audio packets' are. */
function audioPackets(count, bytesEach, seed) {
  let s = seed >>> 0;
  return Array.from({ length: count }, () => {
    const p = Buffer.alloc(bytesEach);
    for (let i = 0; i < bytesEach; i++) {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      p[i] = s >>> 24;
    }
    p[0] &= 0xfe;
    return p;
  });
}

/**
 * @typedef {object} OggOptions
 * @property {number} [sampleRate] default 8000 (Opus: the input rate it records)
 * @property {1 | 2} [channels] default 1
 * @property {number} [seconds] default 1
 * @property {number} [packetsPerPage] default 10
 * @property {number} [packetBytes] default 40
 * @property {Record<string, string>} [comments] default {ENCODER: 'callaudit'}
 * @property {number} [setupBytes] size of the Vorbis setup header, default 600
 * @property {number} [preSkip] Opus pre-skip, default 312
 * @property {number} [serial] stream serial, default 0x43414c4c
 */

/**
 * Ogg Vorbis: identification page, comment and setup headers on the next page(s), audio pages
 * whose granule positions count samples, the last flagged end-of-stream.
 * @param {OggOptions} [o]
 */
export function oggVorbis(o = {}) {
  const sampleRate = o.sampleRate ?? 8000;
  const channels = o.channels ?? 1;
  const id = Buffer.alloc(30);
  id[0] = 1;
  id.write('vorbis', 1, 'latin1');
  id.writeUInt32LE(0, 7);
  id[11] = channels;
  id.writeUInt32LE(sampleRate, 12);
  id.writeInt32LE(0, 16);
  id.writeInt32LE(16000, 20);
  id.writeInt32LE(0, 24);
  id[28] = 0xb8; // blocksizes 256 / 2048
  id[29] = 1;
  const comment = Buffer.concat([
    Buffer.from('\x03vorbis', 'latin1'),
    commentList('callaudit test writer', o.comments ?? { ENCODER: 'callaudit' }),
    Buffer.from([1]),
  ]);
  const setup = Buffer.concat([
    Buffer.from('\x05vorbis', 'latin1'),
    Buffer.alloc((o.setupBytes ?? 600) - 7, 0x42),
  ]);
  return oggStream(o, [id], [comment, setup], sampleRate, 0);
}

/** Ogg Opus: OpusHead, OpusTags, audio pages with 48 kHz granule positions. @param {OggOptions} [o] */
export function oggOpus(o = {}) {
  const head = Buffer.alloc(19);
  head.write('OpusHead', 0, 'latin1');
  head[8] = 1;
  head[9] = o.channels ?? 1;
  const preSkip = o.preSkip ?? 312;
  head.writeUInt16LE(preSkip, 10);
  head.writeUInt32LE(o.sampleRate ?? 8000, 12);
  const tags = Buffer.concat([
    Buffer.from('OpusTags', 'latin1'),
    commentList('callaudit test writer', o.comments ?? { ENCODER: 'callaudit' }),
  ]);
  return oggStream(o, [head], [tags], 48000, preSkip);
}

/**
 * @param {OggOptions} o @param {Buffer[]} first @param {Buffer[]} headers
 * @param {number} granuleRate @param {number} preSkip
 */
function oggStream(o, first, headers, granuleRate, preSkip) {
  const seconds = o.seconds ?? 1;
  const perPage = o.packetsPerPage ?? 10;
  const total = BigInt(Math.round(seconds * granuleRate) + preSkip);
  const packetCount = Math.max(1, Math.round(seconds * 50));
  const packets = audioPackets(packetCount, o.packetBytes ?? 40, packetCount);
  const groups = [
    { packets: first, granule: 0n },
    { packets: headers, granule: 0n },
  ];
  for (let i = 0; i < packets.length; i += perPage) {
    const end = Math.min(packets.length, i + perPage);
    // Granule of the last sample completed on the page; exact total on the last page.
    const granule = end === packets.length ? total : (total * BigInt(end)) / BigInt(packets.length);
    groups.push({ packets: packets.slice(i, end), granule });
  }
  return oggPages(groups, o.serial ?? 0x43414c4c);
}
