import { readInputFile, sha256Of } from '../inputs.js';
import { readOutcomeMap, type OutcomeMap } from './outcome-map.js';

/** `--outcome-map`: the file read and parsed, with its hash for the report. */
export function loadOutcomeMap(file: string): OutcomeMap & { sha256: string } {
  const bytes = readInputFile(file, {
    code: 'OUTCOME_MAP_UNREADABLE',
    what: 'the outcome map',
    hint: 'check the --outcome-map path',
    csv: true,
  });
  return {
    ...readOutcomeMap(bytes.toString('utf8').replace(/^\uFEFF/, ''), file),
    sha256: sha256Of(bytes),
  };
}
