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
import { timeFromGroups } from './name-time.js';
import { sourceOfMatch, userNameTime } from './user-name-time.js';
import { mapWithConcurrency } from './pool.js';
import { scanArchive, type ScanOptions, type ScanResult } from './scan.js';
import { readSidecarId } from './sidecar.js';
import { readTagId, type TagRead } from './tag-ids.js';
import { readObjectTagId } from './s3/object-tags.js';
import type { SidecarFiles } from './sidecar.js';
import { createS3Client, NO_S3_SETTINGS, type S3Settings } from './s3/client.js';
import { isS3Root, parseS3Root } from './s3/location.js';
import { scanS3Root } from './s3/scan-s3.js';
import { sidecarObjects } from './s3/sidecar-objects.js';

export type SourceScanOptions = Pick<
  ScanOptions,
  'cache' | 'shard' | 'signal' | 'onProgress' | 'threads' | 'onPhaseDone'
> & {
  concurrency: number;
  /** How to reach the object storage of s3:// roots. */
  s3?: S3Settings;
  /** Test hook: told of every GET of an S3 object. */
  onS3Get?: () => void;
};

/** Where the ID sources of one root read tags and sidecars. */
interface RootFiles {
  /** The path of a recording as the ID readers name it: a local path, or an S3 key. */
  locate: (recording: Recording) => string;
  /** What to cut off a sidecar's name to show it relative to the root. */
  base: string;
  sidecars?: SidecarFiles;
  /** The call ID under a tag name in the recording's tags. */
  readTag: (recording: Recording, tag: string) => Promise<TagRead>;
}

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
  const includeFn = include ? { include: (p: string) => include(p) } : {};
  let result: ScanResult;
  let files: RootFiles;
  if (isS3Root(archive.root)) {
    const location = parseS3Root(archive.root);
    const client = createS3Client(options.s3 ?? NO_S3_SETTINGS);
    try {
      const scanned = await scanS3Root(location, {
        ...options,
        ...includeFn,
        idPattern: pattern,
        client,
        onGet: options.onS3Get,
      });
      await refuseMatchingNothing(scanned, archive, preset);
      result = scanned;
      files = {
        locate: (recording) => location.prefix + recording.path,
        base: location.prefix,
        sidecars: sidecarObjects(client, location.bucket, scanned.sidecarKeys, options.onS3Get),
        readTag: (recording, tag) =>
          readObjectTagId(
            client,
            location.bucket,
            // The version the probe read: a changed object is not read (its ID is not taken).
            { key: location.prefix + recording.path, size: recording.size, etag: recording.object!.etag },
            tag,
            options.onS3Get,
          ),
      };
      return await refineAll(result, archive, preset, pattern, options, files);
    } finally {
      client.destroy();
    }
  }
  result = await scanArchive([archive.root], { ...options, idPattern: pattern, ...includeFn });
  files = {
    locate: (recording) => join(recording.root, recording.path),
    base: archive.root,
    readTag: (recording, tag) => readTagId(join(recording.root, recording.path), tag),
  };
  await refuseMatchingNothing(result, archive, preset);
  return refineAll(result, archive, preset, pattern, options, files);
}

/** Only a name-based preset can "match nothing"; IDs from tags or sidecars are found later. */
async function refuseMatchingNothing(
  result: ScanResult,
  archive: ArchiveSource,
  preset: RecordingPreset | null,
): Promise<void> {
  const byName = archive.idFrom.some((from) => from === 'filename' || from === 'path');
  if (preset && preset.name !== 'generic' && byName && !result.recordings.some((r) => r.callId !== null)) {
    throw await matchesNothing(archive, preset, result);
  }
}

async function refineAll(
  result: ScanResult,
  archive: ArchiveSource,
  preset: RecordingPreset | null,
  pattern: RegExp | null,
  options: SourceScanOptions,
  files: RootFiles,
): Promise<ScanResult> {
  const idMap = preset?.idMap && archive.recordingMap ? loadIdMap(archive.recordingMap, preset.idMap) : null;
  const nameTime = nameTimeOf(archive, preset, pattern);
  // The one place a recording's time is settled: name or preset, else tag or sidecar, else mtime.
  result.recordings = await mapWithConcurrency(result.recordings, options.concurrency, async (recording) =>
    withRecordingTime(await refine(recording, archive, preset, pattern, idMap, nameTime, files)),
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

async function matchesNothing(
  archive: ArchiveSource,
  preset: RecordingPreset,
  result: ScanResult,
): Promise<CallauditError> {
  // A bucket is not listed twice: the shapes of the recordings it listed stand for it.
  const { files, shapes } = await commonShapes(
    isS3Root(archive.root) ? result.recordings.map((r) => r.path) : archive.root,
  );
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
  files: RootFiles,
): Promise<Recording> {
  const refined: Recording = { ...recording };
  if (nameTime && pattern) {
    pattern.lastIndex = 0;
    const match = pattern.exec(recording.path);
    const at = match?.groups ? timeFromGroups(match.groups, nameTime, archive.timezone) : null;
    if (at !== null) {
      refined.startedAt = at;
      refined.timeSource = archive.nameTime
        ? sourceOfMatch(match, recording.path, nameTime)
        : nameTime.source;
    }
  }
  if (idMap && recording.callId !== null) {
    refined.callId = idMap.get(normaliseCallId(recording.callId)) ?? null;
    if (refined.callId === null) refined.idSource = 'none';
  }
  if (recording.problems.length > 0) return refined;

  const absPath = files.locate(recording);
  const candidates: Candidate[] = [];
  const idProblems: FileProblem[] = [];
  const sidecarsToo = preset?.sidecars.length && !archive.idFrom.includes('sidecar');
  for (const from of [...archive.idFrom, ...(sidecarsToo ? (['sidecar'] as const) : [])]) {
    if ((from === 'filename' || from === 'path') && refined.callId !== null) {
      if (!candidates.some((c) => c.source === refined.idSource))
        candidates.push({ source: refined.idSource, callId: refined.callId });
    } else if (from === 'tag') {
      const read = await files.readTag(recording, archive.idTag ?? 'CALL_ID');
      if ('callId' in read && read.callId !== null) candidates.push({ source: 'tag', callId: read.callId });
    } else if (from === 'sidecar') {
      const read = await readSidecarId(absPath, archive.sidecarField, preset?.sidecars ?? [], files.sidecars);
      if (!read.found) continue;
      if ('error' in read) {
        idProblems.push({
          code: 'UNREADABLE_SIDECAR',
          message: `The sidecar ${read.file.slice(files.base.length).replace(/^\//, '')} cannot be read: ${read.error}.`,
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
