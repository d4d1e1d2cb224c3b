import { withRecordingTime } from '../audit/recording-time.js';
import { join } from 'node:path';
import picomatch from 'picomatch';
import { normaliseCallId } from '../audit/join.js';
import type { FileProblem, IdSource, Recording } from '../audit/types.js';
import type { ArchiveSource } from '../config/settings.js';
import { CallauditError } from '../errors.js';
import { recordingPreset, type RecordingPreset } from '../presets/recording/index.js';
import type { NameTime } from '../presets/recording/types.js';
import { compileIdPattern } from './call-id.js';
import { refuseSlowGlob } from '../glob-safety.js';
import { loadIdMap } from './id-map.js';
import { commonShapes } from './name-shapes.js';
import { timeFromName } from './name-time.js';
import { nameTimeSource, userNameTime } from './user-name-time.js';
import { mapWithConcurrency } from './pool.js';
import { scanArchive, type ScanOptions, type ScanResult } from './scan.js';
import { readSidecarId } from './sidecar.js';
import { readTagId } from './tag-ids.js';

export type SourceScanOptions = Pick<
  ScanOptions,
  'cache' | 'shard' | 'signal' | 'onProgress' | 'threads' | 'onPhaseDone'
> & {
  concurrency: number;
};

/**
 * Scans each archive root with its own settings (preset, pattern, include globs, ID sources)
 * and merges the results in the order the roots were given.
 */
export async function scanSources(
  archives: readonly ArchiveSource[],
  options: SourceScanOptions,
): Promise<ScanResult> {
  const merged: ScanResult = {
    recordings: [],
    ignored: { total: 0, byExtension: {}, byReason: {} },
    roots: [],
  };
  for (const archive of archives) {
    const result = await scanOne(archive, options);
    // A loop, not push(...): a million arguments overflow the call stack.
    for (const recording of result.recordings) merged.recordings.push(recording);
    merged.roots.push(...result.roots);
    merged.ignored.total += result.ignored.total;
    for (const [ext, n] of Object.entries(result.ignored.byExtension))
      merged.ignored.byExtension[ext] = (merged.ignored.byExtension[ext] ?? 0) + n;
    for (const [reason, n] of Object.entries(result.ignored.byReason))
      merged.ignored.byReason[reason] = (merged.ignored.byReason[reason] ?? 0) + n;
  }
  return merged;
}

async function scanOne(archive: ArchiveSource, options: SourceScanOptions): Promise<ScanResult> {
  const preset = archive.preset ? recordingPreset(archive.preset) : null;
  const pattern = archive.idPattern === null ? null : compileIdPattern(archive.idPattern);
  for (const glob of archive.include ?? []) refuseSlowGlob(glob);
  const include = archive.include ? picomatch(archive.include, { nocase: true, dot: false }) : undefined;
  const result = await scanArchive([archive.root], {
    ...options,
    idPattern: pattern,
    ...(include ? { include: (p: string) => include(p) } : {}),
  });
  // Only a name-based preset can "match nothing"; IDs from tags or sidecars are found later.
  const byName = archive.idFrom.some((from) => from === 'filename' || from === 'path');
  if (preset && preset.name !== 'generic' && byName && !result.recordings.some((r) => r.callId !== null)) {
    throw await matchesNothing(archive, preset);
  }
  const idMap = preset?.idMap && archive.recordingMap ? loadIdMap(archive.recordingMap, preset.idMap) : null;
  const nameTime = nameTimeOf(archive, preset, pattern);
  // The one place a recording's time is settled: name or preset, else tag or sidecar, else mtime.
  result.recordings = await mapWithConcurrency(result.recordings, options.concurrency, async (recording) =>
    withRecordingTime(await refine(recording, archive, preset, pattern, idMap, nameTime)),
  );
  return result;
}

/** The time in the name: `--name-time` with the user's pattern, else the preset's, else none. */
function nameTimeOf(
  archive: ArchiveSource,
  preset: RecordingPreset | null,
  pattern: RegExp | null,
): NameTime | null {
  if (archive.nameTime === undefined) return preset?.startedAt ?? null;
  if (pattern === null) {
    throw new CallauditError(
      'OPTION_WITHOUT_EFFECT',
      `--name-time (config "nameTime") has no effect for ${archive.root}: there is no call-ID pattern to read the time with`,
      String.raw`give --id-pattern with named groups for the time, e.g. '_(?<date>\d{8})-(?<time>\d{4})_(?<id>[A-Z0-9-]+)\.\w+$'`,
    );
  }
  return userNameTime(pattern, archive.nameTime);
}

async function matchesNothing(archive: ArchiveSource, preset: RecordingPreset): Promise<CallauditError> {
  const { files, shapes } = await commonShapes(archive.root);
  return new CallauditError(
    'PRESET_MATCHES_NOTHING',
    `the ${preset.name} preset matches no recording in ${archive.root}: ${files} file(s) seen` +
      (shapes.length
        ? `; the commonest name shapes (9 = digits, a = letters) are:\n    ${shapes.join('\n    ')}`
        : ''),
    `${preset.name} expects names like ${preset.example}. Pick the preset of the system that wrote these files ` +
      `("callaudit presets" lists them), or give --id-pattern with a named group "id" (and --include) for this layout.`,
    archive.root,
  );
}

interface Candidate {
  source: IdSource;
  callId: string;
}

/** Adds what the preset and the ID sources know beyond the file name: time, mapped ID, tags, sidecars. */
async function refine(
  recording: Recording,
  archive: ArchiveSource,
  preset: RecordingPreset | null,
  pattern: RegExp | null,
  idMap: Map<string, string> | null,
  nameTime: NameTime | null,
): Promise<Recording> {
  const refined: Recording = { ...recording };
  if (nameTime && pattern) {
    const at = timeFromName(recording.path, pattern, nameTime, archive.timezone);
    if (at !== null) {
      refined.startedAt = at;
      refined.timeSource = archive.nameTime
        ? nameTimeSource(recording.path, pattern, nameTime)
        : nameTime.source;
    }
  }
  if (idMap && recording.callId !== null) {
    refined.callId = idMap.get(normaliseCallId(recording.callId)) ?? null;
    if (refined.callId === null) refined.idSource = 'none';
  }
  if (recording.problems.length > 0) return refined;

  const absPath = join(recording.root, recording.path);
  const candidates: Candidate[] = [];
  const idProblems: FileProblem[] = [];
  const sidecarsToo = preset?.sidecars.length && !archive.idFrom.includes('sidecar');
  for (const from of [...archive.idFrom, ...(sidecarsToo ? (['sidecar'] as const) : [])]) {
    if ((from === 'filename' || from === 'path') && refined.callId !== null) {
      if (!candidates.some((c) => c.source === refined.idSource))
        candidates.push({ source: refined.idSource, callId: refined.callId });
    } else if (from === 'tag') {
      const read = await readTagId(absPath, archive.idTag ?? 'CALL_ID');
      if ('callId' in read && read.callId !== null) candidates.push({ source: 'tag', callId: read.callId });
    } else if (from === 'sidecar') {
      const read = await readSidecarId(absPath, archive.sidecarField, preset?.sidecars ?? []);
      if (!read.found) continue;
      if ('error' in read) {
        idProblems.push({
          code: 'UNREADABLE_SIDECAR',
          message: `The sidecar ${read.file.slice(recording.root.length).replace(/^\//, '')} cannot be read: ${read.error}.`,
        });
      } else if (read.callId !== null) {
        candidates.push({ source: 'sidecar', callId: read.callId });
      }
    }
  }
  const [first, ...others] = candidates;
  refined.callId = first?.callId ?? null;
  refined.idSource = first?.source ?? 'none';
  const differing = others.filter((c) => normaliseCallId(c.callId) !== normaliseCallId(first!.callId));
  if (first && differing.length > 0) {
    idProblems.push({
      code: 'CONFLICTING_CALL_ID',
      message: [first, ...differing].map((c) => `the ${c.source} says "${c.callId}"`).join(', '),
    });
  }
  if (idProblems.length > 0) refined.idProblems = idProblems;
  return refined;
}
