import type { RecordingPreset } from './types.js';

/** Any archive: every audio file, the call ID is the file name without its extension. */
export const generic: RecordingPreset = {
  name: 'generic',
  description: 'Any archive: every audio file; call ID = file name without extension (or --id-pattern)',
  include: ['**/*'],
  idPattern: null,
  startedAt: null,
  idMap: null,
  sidecars: [],
  typicalRoot: 'any folder',
  example: 'C-1001.wav',
  command:
    "callaudit audit ./recordings --preset generic --id-pattern '_(?<id>[A-Z0-9-]+)\\.\\w+$' --crm calls.csv",
};
