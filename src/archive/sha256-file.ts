import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

/** What was hashed: the digest plus the size and mtime of the very file descriptor that was read. */
export interface FileDigest {
  sha256: string;
  size: number;
  mtime: string;
}

/**
 * Streams a file through SHA-256 without holding it in memory. Opened with O_NOFOLLOW so a
 * symlink swapped in for the file is refused (ELOOP) rather than followed outside the archive.
 */
export async function sha256OfFile(file: string): Promise<FileDigest> {
  const handle = await open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  try {
    const stats = await handle.stat();
    const hash = createHash('sha256');
    for await (const chunk of handle.createReadStream({ autoClose: false, highWaterMark: 1 << 20 }))
      hash.update(chunk as Buffer);
    return { sha256: hash.digest('hex'), size: stats.size, mtime: stats.mtime.toISOString() };
  } finally {
    await handle.close();
  }
}
