import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInputFile, type InputFileRole } from '../src/input-file.js';
import { tempDir } from './archive/helpers.js';
import { errorOf } from './support/error-of.js';

// Item 9 of issue 13: input files are regular files of a bounded size, or a clear error.
const ROLE: InputFileRole = {
  code: 'TEST_UNREADABLE',
  what: 'the test file',
  hint: 'check it',
  maxBytes: 10,
};

describe('readInputFile', () => {
  it('reads a regular file up to its limit, also through a symbolic link', () => {
    const dir = tempDir('callaudit-input-');
    const file = path.join(dir, 'ten.txt');
    writeFileSync(file, '0123456789');
    expect(readInputFile(file, ROLE).toString()).toBe('0123456789');
    symlinkSync(file, path.join(dir, 'link'));
    expect(readInputFile(path.join(dir, 'link'), ROLE).toString()).toBe('0123456789');
  });

  it('refuses a file one byte over its limit, naming the limit', () => {
    const file = path.join(tempDir('callaudit-input-'), 'eleven.txt');
    writeFileSync(file, '0123456789X');
    const error = errorOf(() => readInputFile(file, ROLE));
    expect([error.code, error.file]).toEqual(['INPUT_TOO_LARGE', file]);
    expect(error.message).toBe('the test file is larger than 10 bytes, the most callaudit reads of it');
  });

  it.each([
    [
      'a FIFO',
      (file: string) => execFileSync('mkfifo', [file]),
      'the test file is a FIFO (named pipe), not a regular file',
    ],
    ['a folder', (file: string) => mkdirSync(file), 'the test file is a folder, not a regular file'],
  ])('refuses %s by its kind, without waiting', (_what, make, message) => {
    const file = path.join(tempDir('callaudit-input-'), 'special');
    make(file);
    const error = errorOf(() => readInputFile(file, ROLE));
    expect([error.code, error.message, error.file]).toEqual(['NOT_A_REGULAR_FILE', message, file]);
  });

  it('refuses devices and sockets by their kind', async () => {
    expect(errorOf(() => readInputFile('/dev/zero', ROLE)).message).toBe(
      'the test file is a character device, not a regular file',
    );
    const socket = path.join(tempDir('callaudit-input-'), 'sock');
    const server = net.createServer().listen(socket);
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      expect(errorOf(() => readInputFile(socket, ROLE)).message).toBe(
        'the test file is a socket, not a regular file',
      );
    } finally {
      server.close();
    }
  });

  it('refuses a plain ZIP where a CSV file belongs, as it refuses a workbook, instead of parsing its bytes', () => {
    const dir = tempDir('callaudit-input-');
    const csv: InputFileRole = { ...ROLE, maxBytes: 1000, csv: true };
    const zip = path.join(dir, 'holds.csv');
    writeFileSync(zip, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.from('....notes.txt')]));
    const error = errorOf(() => readInputFile(zip, csv));
    expect([error.code, error.file]).toEqual(['CSV_IS_ZIP', zip]);
    expect(error.message).toBe('this is a ZIP archive, not a CSV file: the test file is read as CSV only');
    expect(error.hint).toBe('Unpack it and give the CSV file inside.');
    const workbook = path.join(dir, 'map.csv');
    writeFileSync(workbook, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.from('[Content_Types].xml')]));
    expect(errorOf(() => readInputFile(workbook, csv)).code).toBe('CSV_IS_WORKBOOK');
    // Without `csv` the bytes are the reader's business.
    expect(
      readInputFile(zip, { ...csv, csv: undefined })
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  });

  it('names the OS reason for a file that is not there', () => {
    const error = errorOf(() => readInputFile('/nonexistent/file.csv', ROLE));
    expect([error.code, error.message]).toEqual(['TEST_UNREADABLE', 'cannot read the test file (ENOENT)']);
  });
});
