import { stat } from 'node:fs/promises';
import fg from 'fast-glob';
import { CallauditError } from '../errors.js';

/**
 * Lists every regular file under `root` as a path relative to it with forward slashes, in the
 * order the file system returns them. Hidden files and symbolic links are skipped: an audit
 * must not wander outside the archive it was given.
 */
export async function* walkArchive(root: string): AsyncGenerator<string> {
  await assertDirectory(root);
  // `cwd` instead of joining the root into the pattern: archive folders such as 3CX's
  // `[Name]_100-…(3)` are full of glob metacharacters.
  const entries = fg.stream('**/*', {
    cwd: root,
    onlyFiles: true,
    dot: false,
    followSymbolicLinks: false,
    // One pattern cannot yield duplicates; the de-duplicating Set would only cost memory.
    unique: false,
  });
  try {
    for await (const entry of entries) yield entry as string;
  } catch (error) {
    throw new CallauditError(
      'ARCHIVE_UNREADABLE',
      `Cannot list the archive ${root}: ${error instanceof Error ? error.message : String(error)}`,
      'Give the account that runs callaudit read and execute permission on every folder of the archive; ' +
        'skipping a folder would leave its recordings out of the audit.',
    );
  }
}

async function assertDirectory(root: string): Promise<void> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(root)).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') isDirectory = false;
    else
      throw new CallauditError(
        'ARCHIVE_UNREADABLE',
        `Cannot open the archive ${root}: ${(error as Error).message}`,
        'Check that the account running callaudit may read this folder.',
      );
  }
  if (!isDirectory) {
    throw new CallauditError(
      'ARCHIVE_NOT_FOUND',
      `The archive ${root} does not exist or is not a folder.`,
      'Pass the folder that holds the recordings (for FreePBX usually /var/spool/asterisk/monitor).',
    );
  }
}
