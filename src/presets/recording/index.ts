import { CallauditError } from '../../errors.js';
import { didYouMean } from '../../config/did-you-mean.js';
import { amazonConnect } from './amazon-connect.js';
import { freepbx } from './freepbx.js';
import { generic } from './generic.js';
import { genesysCloud } from './genesys-cloud.js';
import { threeCx } from './three-cx.js';
import { twilio } from './twilio.js';
import type { RecordingPreset } from './types.js';

export type { RecordingPreset } from './types.js';

export const RECORDING_PRESETS: readonly RecordingPreset[] = [
  freepbx,
  amazonConnect,
  genesysCloud,
  twilio,
  threeCx,
  generic,
];

export const RECORDING_PRESET_NAMES = RECORDING_PRESETS.map((p) => p.name);

export function recordingPreset(name: string): RecordingPreset {
  const preset = RECORDING_PRESETS.find((p) => p.name === name.toLowerCase());
  if (preset) return preset;
  // A prefix (`amazon`, `genesys`) is the commonest slip; typos are the next.
  const guess =
    RECORDING_PRESET_NAMES.find((n) => n.startsWith(name.toLowerCase())) ??
    didYouMean(name, RECORDING_PRESET_NAMES);
  throw new CallauditError(
    'UNKNOWN_PRESET',
    `unknown recording preset "${name}"${guess ? ` (did you mean "${guess}"?)` : ''}`,
    `the recording presets are: ${RECORDING_PRESET_NAMES.join(', ')}; run "callaudit presets" for details`,
  );
}
