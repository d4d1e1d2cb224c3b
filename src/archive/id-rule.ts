import type { IdSource } from '../audit/types.js';
import type { ArchiveSource } from '../config/settings.js';
import { recordingPreset } from '../presets/recording/index.js';

/** Where a recording's call ID was found and by which setting, as `explain` prints it as evidence. */
interface IdRuleInput {
  idSource: IdSource;
  archive: ArchiveSource;
  /**
   * What the user called an ID pattern that is not a preset's, e.g. `--id-pattern` or
   * `idPattern of callaudit.config.json`; the preset's own pattern is recognised here.
   */
  patternOrigin: string;
}

/** The setting that turned a recording's path into a call ID, named as the user gave it. */
function nameRule(archive: ArchiveSource, patternOrigin: string): string {
  if (archive.idPattern === null) return 'the file name without its extension';
  const preset = archive.preset ? recordingPreset(archive.preset) : null;
  if (preset && preset.idPattern === archive.idPattern)
    return `the ${preset.name} preset's pattern ${archive.idPattern}`;
  return `${patternOrigin} ${archive.idPattern}`;
}

function mapNote(archive: ArchiveSource): string {
  const preset = archive.preset ? recordingPreset(archive.preset) : null;
  return preset?.idMap && archive.recordingMap
    ? `, then mapped to the call ID by the recording map ${archive.recordingMap}`
    : '';
}

/**
 * One phrase saying where the call ID came from: the file name or folder path (by the preset's
 * pattern, a user's pattern or the file name stem, and the recording map), a tag or a sidecar.
 * With no call ID, what was searched.
 */
export function describeIdRule({ idSource, archive, patternOrigin }: IdRuleInput): string {
  switch (idSource) {
    case 'filename':
      return `found in the file name by ${nameRule(archive, patternOrigin)}${mapNote(archive)}`;
    case 'path':
      return `found in the folder path by ${nameRule(archive, patternOrigin)}${mapNote(archive)}`;
    case 'tag':
      return `found in the recording's tag ${archive.idTag ?? 'CALL_ID'} (--id-from ${archive.idFrom.join(',')})`;
    case 'sidecar':
      return archive.sidecarField
        ? `found in the sidecar file's field ${archive.sidecarField}`
        : 'found in a sidecar file, under one of the usual call-ID field names';
    case 'none': {
      const byName = archive.idFrom.some((from) => from === 'filename' || from === 'path');
      return (
        `none found: looked in ${archive.idFrom.join(', ')}` +
        (byName ? ` by ${nameRule(archive, patternOrigin)}${mapNote(archive)}` : '')
      );
    }
  }
}
