import type { IdSource } from '../audit/types.js';
import type { ArchiveSource } from '../config/settings.js';
import { recordingPreset } from '../presets/recording/index.js';

/** The words of `describeIdRule` in one language (src/report/messages). */
export interface IdRulePhrases {
  stem: string;
  preset(name: string, pattern: string): string;
  pattern(origin: string, pattern: string): string;
  mapped(map: string): string;
  inName(rule: string): string;
  inPath(rule: string): string;
  inTag(tag: string, idFrom: string): string;
  sidecarField(field: string): string;
  sidecarAny: string;
  none(idFrom: string, rule: string | null): string;
}

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
function nameRule(archive: ArchiveSource, patternOrigin: string, words: IdRulePhrases): string {
  if (archive.idPattern === null) return words.stem;
  const preset = archive.preset ? recordingPreset(archive.preset) : null;
  if (preset && preset.idPattern === archive.idPattern) return words.preset(preset.name, archive.idPattern);
  return words.pattern(patternOrigin, archive.idPattern);
}

function mapNote(archive: ArchiveSource, words: IdRulePhrases): string {
  const preset = archive.preset ? recordingPreset(archive.preset) : null;
  return preset?.idMap && archive.recordingMap ? words.mapped(archive.recordingMap) : '';
}

/**
 * One phrase saying where the call ID came from: the file name or folder path (by the preset's
 * pattern, a user's pattern or the file name stem, and the recording map), a tag or a sidecar.
 * With no call ID, what was searched.
 */
export function describeIdRule(
  { idSource, archive, patternOrigin }: IdRuleInput,
  words: IdRulePhrases,
): string {
  const byName = () => `${nameRule(archive, patternOrigin, words)}${mapNote(archive, words)}`;
  switch (idSource) {
    case 'filename':
      return words.inName(byName());
    case 'path':
      return words.inPath(byName());
    case 'tag':
      return words.inTag(archive.idTag ?? 'CALL_ID', archive.idFrom.join(','));
    case 'sidecar':
      return archive.sidecarField ? words.sidecarField(archive.sidecarField) : words.sidecarAny;
    case 'none': {
      const searchedNames = archive.idFrom.some((from) => from === 'filename' || from === 'path');
      return words.none(archive.idFrom.join(', '), searchedNames ? byName() : null);
    }
  }
}
