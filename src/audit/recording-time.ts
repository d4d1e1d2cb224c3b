import type { Recording } from './types.js';

/**
 * The recording's time when no preset, tag or sidecar gave one: the file's modification time,
 * marked as such so a report reader knows how weak the evidence is. Unreadable files have no
 * mtime and stay of unknown time.
 */
export function withRecordingTime(recording: Recording): Recording {
  if (recording.startedAt !== null || recording.mtime === '') return recording;
  return { ...recording, startedAt: recording.mtime, timeSource: 'mtime' };
}
