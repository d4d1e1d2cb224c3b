import { didYouMean } from '../../config/did-you-mean.js';
import { CallauditError } from '../../errors.js';
import { amazonConnectCtr } from './amazon-connect-ctr.js';
import { asteriskCdr } from './asterisk-cdr.js';
import { freepbxCdr } from './freepbx-cdr.js';
import { genericLog } from './generic.js';
import { genesysCloudConversations } from './genesys-cloud-conversations.js';
import { hubspotCalls } from './hubspot-calls.js';
import { salesforceTask } from './salesforce-task.js';
import type { CallLogPreset } from './types.js';

export type { CallLogPreset } from './types.js';

export const CALL_LOG_PRESETS: readonly CallLogPreset[] = [
  asteriskCdr,
  freepbxCdr,
  salesforceTask,
  hubspotCalls,
  amazonConnectCtr,
  genesysCloudConversations,
  genericLog,
];

export const CALL_LOG_PRESET_NAMES = CALL_LOG_PRESETS.map((p) => p.name);

export function callLogPreset(name: string): CallLogPreset {
  const preset = CALL_LOG_PRESETS.find((p) => p.name === name.toLowerCase());
  if (preset) return preset;
  // A prefix (`amazon`, `genesys`) is the commonest slip; typos are the next.
  const guess =
    CALL_LOG_PRESET_NAMES.find((n) => n.startsWith(name.toLowerCase())) ??
    didYouMean(name, CALL_LOG_PRESET_NAMES);
  throw new CallauditError(
    'UNKNOWN_PRESET',
    `unknown call-log preset "${name}"${guess ? ` (did you mean "${guess}"?)` : ''}`,
    `the call-log presets are: ${CALL_LOG_PRESET_NAMES.join(', ')}; run "callaudit presets" for details`,
  );
}

/** Asterisk `recordingfile` may be a bare name or a full path; the uniqueid sits at its end. */
const RECORDING_FILE_UNIQUEID = /-\d{8}-\d{6}-((?:[^/]*-)?\d+\.\d+)\.[A-Za-z0-9]+$/;

export const ID_TRANSFORMS: Record<CallLogPreset['idTransform'], (value: string) => string> = {
  none: (value) => value,
  'asterisk-recordingfile': (value) => {
    const base = value.slice(Math.max(value.lastIndexOf('/'), value.lastIndexOf('\\')) + 1);
    return RECORDING_FILE_UNIQUEID.exec(base)?.[1] ?? value;
  },
};
