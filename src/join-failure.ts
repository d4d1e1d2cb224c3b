import { idShape, type JoinRate, type JoinSamples } from './audit/join-rate.js';
import type { ArchiveSource, CallLogSource } from './config/settings.js';
import { DEFAULTS } from './config/settings.js';
import { CallauditError } from './errors.js';
import { redactText } from './report/redact.js';

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

/** Call IDs are rarely personal, but one that looks like a phone number is masked like one. */
const sample = (id: string) => `"${redactText(id)}" (${idShape(id)})`;

function samplesLine(ids: readonly string[]): string {
  return ids.length === 0 ? 'none' : ids.map(sample).join(', ');
}

function idRuleOf(archive: ArchiveSource): string {
  const where = archive.idFrom.join(', ');
  const rule =
    archive.idPattern !== null
      ? `--id-pattern ${archive.idPattern}`
      : archive.preset !== null
        ? `the ${archive.preset} preset's pattern`
        : 'the file name without its extension';
  return `${archive.root}: ${rule} (IDs from ${where})`;
}

function idColumnOf(source: CallLogSource): string {
  const column =
    source.idColumn !== null
      ? `column "${source.idColumn}"`
      : source.preset !== null
        ? `the ${source.preset} preset's call-ID column`
        : `column "${DEFAULTS.idColumn}"`;
  return `${source.files.join(', ')}: ${column}`;
}

/**
 * The audit stops here instead of sending every unjoined recording to deletion: a wrong pattern
 * or column makes each recording look like a call nobody logged. The message shows both sides'
 * IDs and shapes, so the mismatch is visible without opening a file.
 */
export function joinFailedError(
  rate: JoinRate,
  samples: JoinSamples,
  archives: readonly ArchiveSource[],
  callLogs: readonly CallLogSource[],
): CallauditError {
  const lines = [
    `the recordings and the call logs do not join: only ${rate.consideredJoined} of ${rate.recordingsConsidered} recording(s) with a call ID${rate.recordingsConsidered < rate.recordingsWithId ? ' inside the call logs\u2019 coverage' : ''} (${percent(rate.rate ?? 0)}) found a call-log row, below --min-join-rate ${percent(rate.minJoinRate)}; ${rate.callLogIdsJoined} of ${rate.callLogIds} call-log ID(s) found a recording. No report was written.`,
    `  recording IDs without a row:  ${samplesLine(samples.recordings)}`,
    `  call-log IDs without a file:  ${samplesLine(samples.callLogs)}`,
    ...archives.map((a) => `  IDs of recordings by ${idRuleOf(a)}`),
    ...callLogs.map((c) => `  IDs of the call log from ${idColumnOf(c)}`),
  ];
  return new CallauditError(
    'JOIN_FAILED',
    lines.join('\n'),
    'Compare the two shapes: fix --id-pattern (its group "id" must capture what the call log holds) or --id-column (the column with the call ID), ' +
      'check --encoding and --delimiter if the IDs look garbled, and try `callaudit explain <file>` on one recording. ' +
      'If most recordings really have no row (e.g. the log covers only part of the archive), give --time-column or --log-period, or --min-join-rate 0 to audit anyway.',
  );
}
