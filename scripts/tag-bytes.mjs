// Pure writers for the tags real recorders and export scripts put into audio files: ID3v2.2,
// 2.3 and 2.4 tags (text, TXXX, COMM, PRIV, APIC frames in every text encoding, extended
// headers, unsynchronised and data-length-flagged frames), ID3v1 and APEv2 tails, and RIFF
// chunks (LIST/INFO, bext, id3, JUNK, PAD, cue, unknown) placed before or after a WAV's audio.
// Tests use them to hold the fast readers to music-metadata on tagged files; the benchmark
// uses them for its tagged archive shape.

/**
 * @typedef {object} Id3Frame
 * @property {string} id frame id (3 letters for ID3v2.2)
 * @property {string} [text] value of a text, TXXX or COMM frame
 * @property {string} [description] TXXX/COMM description
 * @property {0 | 1 | 2 | 3} [encoding] 0 Latin-1, 1 UTF-16 with BOM, 2 UTF-16BE, 3 UTF-8; default 0
 * @property {Uint8Array} [raw] the frame's bytes as they are (PRIV, APIC, anything else)
 * @property {number} [flags] ID3v2.3/2.4 frame flags
 */

/**
 * @typedef {object} Id3Options
 * @property {2 | 3 | 4} [version] default 3
 * @property {Id3Frame[]} frames
 * @property {number} [padding] zero bytes after the frames
 * @property {number | null} [extendedHeader] size field of an extended header (10 = none beyond it)
 * @property {boolean} [unsynchronised] sets the tag's unsynchronisation flag and applies it to the frames
 */

/** @param {string} text @param {number} encoding */
export function encodeText(text, encoding) {
  switch (encoding) {
    case 1:
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 2:
      return Buffer.from(text, 'utf16le').swap16();
    case 3:
      return Buffer.from(text, 'utf8');
    default:
      return Buffer.from(text, 'latin1');
  }
}

/** @param {number} encoding */
const terminator = (encoding) => Buffer.alloc(encoding === 1 || encoding === 2 ? 2 : 1);

/** The body of a frame, by its kind. @param {Id3Frame} frame */
export function frameBody(frame) {
  if (frame.raw) return Buffer.from(frame.raw);
  const encoding = frame.encoding ?? 0;
  const text = encodeText(frame.text ?? '', encoding);
  if (frame.id === 'TXXX' || frame.id === 'TXX') {
    return Buffer.concat([
      Buffer.from([encoding]),
      encodeText(frame.description ?? '', encoding),
      terminator(encoding),
      text,
    ]);
  }
  if (frame.id === 'COMM' || frame.id === 'COM') {
    return Buffer.concat([
      Buffer.from([encoding]),
      Buffer.from('eng', 'latin1'),
      encodeText(frame.description ?? '', encoding),
      terminator(encoding),
      text,
    ]);
  }
  return Buffer.concat([Buffer.from([encoding]), text]);
}

/** Inserts a zero byte after every 0xFF (and at the end after a final 0xFF). @param {Uint8Array} bytes */
export function unsynchronise(bytes) {
  const out = [];
  for (let i = 0; i < bytes.length; i++) {
    out.push(bytes[i]);
    if (bytes[i] === 0xff && (i + 1 === bytes.length || bytes[i + 1] === 0 || bytes[i + 1] >= 0xe0))
      out.push(0);
  }
  return Buffer.from(out);
}

/** @param {number} value */
function syncsafe(value) {
  const out = Buffer.alloc(4);
  for (let i = 0; i < 4; i++) out[3 - i] = (value >> (7 * i)) & 0x7f;
  return out;
}

/** An ID3v2 tag. @param {Id3Options} o */
export function id3v2Tag(o) {
  const version = o.version ?? 3;
  const frames = o.frames.map((frame) => {
    let body = frameBody(frame);
    const flags = frame.flags ?? 0;
    if (version === 4 && flags & 0x0002) body = unsynchronise(body);
    if (version === 4 && flags & 0x0001) body = Buffer.concat([syncsafe(body.length), body]);
    if (version === 2) {
      const header = Buffer.alloc(6);
      header.write(frame.id, 0, 3, 'latin1');
      header.writeUIntBE(body.length, 3, 3);
      return Buffer.concat([header, body]);
    }
    const header = Buffer.alloc(10);
    header.write(frame.id, 0, 4, 'latin1');
    if (version === 4) syncsafe(body.length).copy(header, 4);
    else header.writeUInt32BE(body.length, 4);
    header.writeUInt16BE(flags, 8);
    return Buffer.concat([header, body]);
  });
  let body = Buffer.concat([...frames, Buffer.alloc(o.padding ?? 0)]);
  if (o.unsynchronised && version !== 4) body = unsynchronise(body);
  let flags = o.unsynchronised ? 0x80 : 0;
  if (o.extendedHeader != null && version !== 2) {
    flags |= 0x40;
    const extended = Buffer.alloc(Math.max(10, o.extendedHeader));
    extended.writeUInt32BE(o.extendedHeader, 0);
    // What follows the fixed part (a CRC, restrictions) is not frame data: make it look unlike it.
    extended.fill(0x41, 10);
    body = Buffer.concat([extended, body]);
  }
  return Buffer.concat([Buffer.from([0x49, 0x44, 0x33, version, 0, flags]), syncsafe(body.length), body]);
}

/**
 * An ID3v1.1 tag (128 bytes).
 * @param {{title?: string, artist?: string, album?: string, year?: string, comment?: string, track?: number, genre?: number}} t
 */
export function id3v1Tag(t) {
  const tag = Buffer.alloc(128);
  tag.write('TAG', 0, 'latin1');
  tag.write(t.title ?? '', 3, 30, 'latin1');
  tag.write(t.artist ?? '', 33, 30, 'latin1');
  tag.write(t.album ?? '', 63, 30, 'latin1');
  tag.write(t.year ?? '', 93, 4, 'latin1');
  tag.write(t.comment ?? '', 97, t.track ? 28 : 30, 'latin1');
  if (t.track) tag[126] = t.track;
  tag[127] = t.genre ?? 255;
  return tag;
}

/** An APEv2 tag with footer only. @param {Record<string, string>} items */
export function apeTag(items) {
  const entries = Object.entries(items).map(([key, value]) => {
    const v = Buffer.from(value, 'utf8');
    const head = Buffer.alloc(8);
    head.writeUInt32LE(v.length, 0);
    return Buffer.concat([head, Buffer.from(key + '\0', 'ascii'), v]);
  });
  const body = Buffer.concat(entries);
  const footer = Buffer.alloc(32);
  footer.write('APETAGEX', 0, 'ascii');
  footer.writeUInt32LE(2000, 8);
  footer.writeUInt32LE(body.length + 32, 12);
  footer.writeUInt32LE(entries.length, 16);
  return Buffer.concat([body, footer]);
}

/** A RIFF chunk with its padding byte. @param {string} id @param {Uint8Array} body */
export function riffChunk(id, body) {
  const header = Buffer.alloc(8);
  header.write(id, 0, 4, 'latin1');
  header.writeUInt32LE(body.length, 4);
  return Buffer.concat([header, Buffer.from(body), Buffer.alloc(body.length % 2)]);
}

/** A LIST/INFO chunk. @param {Record<string, string>} tags */
export function infoList(tags) {
  const entries = Object.entries(tags).map(([id, text]) =>
    riffChunk(id, Buffer.concat([Buffer.from(text, 'latin1'), Buffer.alloc(1)])),
  );
  return riffChunk('LIST', Buffer.concat([Buffer.from('INFO', 'latin1'), ...entries]));
}

/**
 * A BWF `bext` chunk (version 1) with an optional coding history.
 * @param {{description?: string, originator?: string, originatorReference?: string, originationDate?: string, originationTime?: string, codingHistory?: string}} b
 */
export function bextChunk(b) {
  const body = Buffer.alloc(602);
  body.write(b.description ?? '', 0, 256, 'ascii');
  body.write(b.originator ?? '', 256, 32, 'ascii');
  body.write(b.originatorReference ?? '', 288, 32, 'ascii');
  body.write(b.originationDate ?? '', 320, 10, 'ascii');
  body.write(b.originationTime ?? '', 330, 8, 'ascii');
  body.writeUInt16LE(1, 346);
  return riffChunk('bext', Buffer.concat([body, Buffer.from(b.codingHistory ?? '', 'ascii')]));
}

/**
 * A WAV written by audio-bytes.mjs with chunks added: `before` go between `fmt `/`fact` and
 * `data`, `after` follow the audio; the RIFF size is fixed to cover them.
 * @param {Buffer} wav @param {Buffer[]} before @param {Buffer[]} after
 */
export function withWavChunks(wav, before, after) {
  const chunks = [];
  let at = 12;
  while (at + 8 <= wav.length) {
    const size = wav.readUInt32LE(at + 4);
    const end = Math.min(wav.length, at + 8 + size + (size % 2));
    chunks.push({ id: wav.toString('latin1', at, at + 4), bytes: wav.subarray(at, end) });
    at = end;
  }
  const data = chunks.findIndex((c) => c.id === 'data');
  const body = Buffer.concat([
    Buffer.from('WAVE', 'latin1'),
    ...chunks.slice(0, data).map((c) => c.bytes),
    ...before,
    ...chunks.slice(data).map((c) => c.bytes),
    ...after,
  ]);
  const header = Buffer.alloc(8);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(body.length, 4);
  return Buffer.concat([header, body]);
}
