import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { rootIdentity } from './root-identity.js';

const CACHE_FILE = 'probe-cache.jsonl';

/** An archive root by what it is: real path, device and inode; a root that is not there by its path. */
function identityOf(root: string): string {
  try {
    const { realPath, device, inode } = rootIdentity(root);
    return `${realPath}\0${device}\0${inode}`;
  } catch {
    return path.resolve(root);
  }
}

/**
 * The default probe cache of an archive: `$XDG_CACHE_HOME/callaudit/<key>/probe-cache.jsonl`
 * (else `~/.cache/…`), the key a hash of the roots' real paths and identities. Not in the output
 * folder: the cache lists every recording's path, phone numbers included, and report folders get
 * shared. The same roots find the same cache from any working directory; null when there is no
 * home to keep it in.
 */
export function defaultCacheFile(
  roots: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string | null {
  // The XDG spec: a relative XDG_CACHE_HOME is invalid and ignored.
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && path.isAbsolute(xdg) ? xdg : home ? path.join(home, '.cache') : null;
  if (base === null) return null;
  const key = createHash('sha256').update(roots.map(identityOf).sort().join('\n')).digest('hex').slice(0, 16);
  return path.join(base, 'callaudit', key, CACHE_FILE);
}
