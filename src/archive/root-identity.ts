import { realpathSync, statSync } from 'node:fs';
import { isS3Root } from './s3/location.js';

/** Which folder an archive root really is: `purge` acts only on the folder the audit read. */
export interface RootIdentity {
  /** Absolute path with every symbolic link resolved. */
  realPath: string;
  /** st_dev and st_ino as decimal strings: 64-bit values that a JSON number could round. */
  device: string;
  inode: string;
}

/** The identity of a root folder as it is now (the audit has already listed it, so it exists). */
export function rootIdentity(root: string): RootIdentity {
  // A bucket has no inode: `purge` checks each object by version ID and ETag instead.
  if (isS3Root(root)) return { realPath: root, device: 's3', inode: '' };
  const realPath = realpathSync(root);
  const stats = statSync(realPath, { bigint: true });
  return { realPath, device: stats.dev.toString(), inode: stats.ino.toString() };
}
