/**
 * Why a manifest row was not acted on. Stable codes: they appear in the deletion log, which
 * outlives this version of the tool.
 */
export const SKIP_REASONS = {
  OTHER_ROOT: 'the row belongs to another archive root than --root',
  UNSAFE_PATH: 'the path is absolute, contains "..", "." or an empty segment, a backslash or a NUL',
  SYMLINK: 'the file or one of its parent folders is a symbolic link',
  NOT_A_FILE: 'the path is not a regular file',
  HARD_LINKED:
    'the file has other hard links: removing this name would not delete the recording, so it is left for a human',
  MISSING: 'the file no longer exists',
  CHANGED: 'changed since the audit (size, modification time or SHA-256 differs): audit again',
  HELD: 'the call is under an active hold',
  TARGET_EXISTS: 'the destination already exists; nothing is ever overwritten',
  NOT_QUARANTINED_HERE: 'the deletion log has no record of quarantining this file',
  ACTION_FAILED: 'the file system refused the action; the file was left as it was',
  S3_OBJECT_GONE: 'the audited version of the S3 object no longer exists',
  S3_OBJECT_CHANGED:
    'the S3 object is not the one audited (another ETag or size), or a newer version was written after the audit: audit again',
  S3_OBJECT_LOCKED:
    'the S3 object is under Object Lock (a legal hold, or retention until a date still to come); a lock is never bypassed',
  S3_COPY_UNVERIFIED:
    'the quarantine copy of the S3 object could not be proved equal to it (size, ETag or SHA-256): nothing was deleted',
} as const;

export type SkipCode = keyof typeof SKIP_REASONS;

/** A row the purge refused, with the code for the log and a detail for the operator. */
export interface Skip {
  code: SkipCode;
  detail: string;
}
