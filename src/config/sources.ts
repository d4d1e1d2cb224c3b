import { CallauditError } from '../errors.js';
import { isWithin, realPathOf } from '../real-path.js';
import { RECORDING_PRESETS, recordingPreset, type RecordingPreset } from '../presets/recording/index.js';
import { callLogPreset } from '../presets/calllog/index.js';
import {
  ID_SOURCES,
  type ArchiveSource,
  type CallLogSource,
  type ConfigFile,
  type IdFrom,
} from './settings.js';
import { asList } from './flag-values.js';
import { choiceOf } from '../options/choice-of.js';
import { resolveColumnMapping, type BusinessColumns, type NamedColumns } from './column-mapping.js';
import type { FlagsOf } from '../options/flag-types.js';
import { isS3Root } from '../archive/s3/location.js';

/**
 * The flags that shape sources, from the options model: those of `audit` and of `labels`; a flag
 * wins over every source's own setting.
 */
export type SourceFlags = FlagsOf<'audit'> & FlagsOf<'labels'>;

function parseIdFrom(value: string): IdFrom[] {
  const parts = value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  for (const part of parts) {
    if (!(ID_SOURCES as readonly string[]).includes(part)) {
      throw new CallauditError(
        'BAD_FLAG',
        `--id-from takes a comma-separated list of ${ID_SOURCES.join(', ')}, not "${part}"`,
        'e.g. --id-from tag --id-tag CALL_ID, or --id-from filename,sidecar to cross-check both',
      );
    }
  }
  return parts as IdFrom[];
}

/** A root of the config file: a folder relative to the file, or an s3:// URL as it is. */
function rootFromConfig(root: string, fromConfig: (p: string) => string): string {
  return isS3Root(root) ? root : fromConfig(root);
}

/**
 * Archive roots with their own settings. Roots on the command line replace the config's;
 * each setting is: flag, else the root's entry in `archives[]`, else the config's top level,
 * else the preset, else the built-in default.
 */
export function resolveArchives(
  rootArgs: string[],
  flags: SourceFlags,
  config: ConfigFile,
  fromConfig: (p: string) => string,
  timezone: string,
): ArchiveSource[] {
  const entries =
    rootArgs.length > 0
      ? rootArgs.map((root) => ({ root }))
      : [
          ...(asList(config.roots) ?? []).map((root) => ({ root: rootFromConfig(root, fromConfig) })),
          ...(config.archives ?? []).map((a) => ({ ...a, root: rootFromConfig(a.root, fromConfig) })),
        ];
  const archives = entries.map((entry): ArchiveSource => {
    const own = entry as Partial<NonNullable<ConfigFile['archives']>[number]>;
    const presetName = flags.preset ?? own.preset ?? config.preset ?? null;
    const preset = presetName ? recordingPreset(presetName) : null;
    const recordingMap =
      flags.recordingMap ??
      ((own.recordingMap ?? config.recordingMap)
        ? fromConfig((own.recordingMap ?? config.recordingMap)!)
        : null);
    const idFrom = flags.idFrom ? parseIdFrom(flags.idFrom) : (own.idFrom ?? config.idFrom ?? ['filename']);
    if (preset?.idMap && recordingMap === null) {
      throw new CallauditError(
        'PRESET_NEEDS_MAP',
        `the ${preset.name} preset needs a map from recording IDs to call IDs: ${preset.idMap.why}`,
        `add --recording-map <recordings.csv> with columns ${preset.idMap.fromColumns[0]} and ${preset.idMap.toColumns[0]} (the Recordings list export)`,
      );
    }
    const source: ArchiveSource = {
      root: entry.root,
      preset: preset?.name ?? null,
      idPattern: flags.idPattern ?? own.idPattern ?? config.idPattern ?? preset?.idPattern ?? null,
      ...nameTimeOf(flags.nameTime ?? own.nameTime ?? config.nameTime),
      include: flags.include ?? asList(own.include) ?? asList(config.include) ?? preset?.include ?? null,
      idFrom,
      idTag: flags.idTag ?? own.idTag ?? config.idTag ?? null,
      sidecarField: flags.sidecarField ?? own.sidecarField ?? config.sidecarField ?? null,
      recordingMap,
      timezone: own.timezone ?? timezone,
    };
    // A top-level config setting may serve some archives and not others; it is checked below.
    const given = (flag: unknown, ownValue: unknown) => flag !== undefined || ownValue !== undefined;
    refuseIneffective(source, preset, {
      recordingMap: given(flags.recordingMap, own.recordingMap),
      idTag: given(flags.idTag, own.idTag),
      sidecarField: given(flags.sidecarField, own.sidecarField),
    });
    return source;
  });
  const anyUses = (key: IneffectiveOption) =>
    archives.some((a) => usedBy(key, a, a.preset ? recordingPreset(a.preset) : null));
  for (const key of INEFFECTIVE_OPTIONS) {
    if (config[key] !== undefined && archives.length > 0 && !anyUses(key)) {
      throw ineffectiveError(
        key,
        archives[0]!,
        archives[0]!.preset ? recordingPreset(archives[0]!.preset) : null,
      );
    }
  }
  return archives;
}

/** Only when set, so the settings of an archive without it read as before. */
function nameTimeOf(format: string | undefined): Pick<ArchiveSource, 'nameTime'> {
  return format === undefined ? {} : { nameTime: format };
}

const INEFFECTIVE_OPTIONS = ['recordingMap', 'idTag', 'sidecarField'] as const;
type IneffectiveOption = (typeof INEFFECTIVE_OPTIONS)[number];

const FLAG_OF: Record<IneffectiveOption, string> = {
  recordingMap: '--recording-map',
  idTag: '--id-tag',
  sidecarField: '--sidecar-field',
};

/** Whether a setting changes anything for this archive: an option without effect is an error. */
function usedBy(key: IneffectiveOption, source: ArchiveSource, preset: RecordingPreset | null): boolean {
  if (key === 'recordingMap') return Boolean(preset?.idMap);
  if (key === 'idTag') return source.idFrom.includes('tag');
  return source.idFrom.includes('sidecar') || (preset?.sidecars.length ?? 0) > 0;
}

function refuseIneffective(
  source: ArchiveSource,
  preset: RecordingPreset | null,
  given: Record<IneffectiveOption, boolean>,
): void {
  for (const key of INEFFECTIVE_OPTIONS) {
    if (given[key] && !usedBy(key, source, preset)) throw ineffectiveError(key, source, preset);
  }
}

/**
 * A setting that would be silently ignored: the user believes it shapes the audit (a map that
 * is never read sends every recording to NO_CALL_LOG_ENTRY), so the run stops and says why.
 */
function ineffectiveError(
  key: IneffectiveOption,
  source: ArchiveSource,
  preset: RecordingPreset | null,
): CallauditError {
  const what = `${FLAG_OF[key]} (config "${key}")`;
  const current = preset ? `the ${preset.name} preset` : 'no preset';
  if (key === 'recordingMap') {
    const users = RECORDING_PRESETS.filter((p) => p.idMap).map((p) => p.name);
    return new CallauditError(
      'OPTION_WITHOUT_EFFECT',
      `${what} has no effect for ${source.root}, audited with ${current}: only the ${users.join(', ')} preset${users.length === 1 ? '' : 's'} read${users.length === 1 ? 's' : ''} a recording map.`,
      `Add --preset ${users[0]} if these are its recordings, or drop ${FLAG_OF[key]}.`,
    );
  }
  const idSource = key === 'idTag' ? 'tag' : 'sidecar';
  return new CallauditError(
    'OPTION_WITHOUT_EFFECT',
    `${what} has no effect for ${source.root}: call IDs are taken from ${source.idFrom.join(', ')}, not from a ${idSource}.`,
    `Add ${idSource} to --id-from (e.g. --id-from filename,${idSource}), or drop ${FLAG_OF[key]}.`,
  );
}

/**
 * Call-log sources with their own settings. `--crm`/`--cdr` replace the config's sources. Each
 * source's column mapping is resolved here, once (`columns`); `business` names the customer,
 * notice and purpose columns a business log is read for (null: none, as `labels` reads).
 */
export function resolveCallLogs(
  flags: SourceFlags,
  config: ConfigFile,
  fromConfig: (p: string) => string,
  business: BusinessColumns | null = null,
): CallLogSource[] {
  if (flags.cdrPreset !== undefined && !flags.cdr?.length) {
    throw new CallauditError(
      'OPTION_WITHOUT_EFFECT',
      '--cdr-preset has no effect without --cdr: it says how the --cdr files are written.',
      'Add --cdr <file> with the telephony CDRs, or drop --cdr-preset (--crm-preset describes the --crm files).',
    );
  }
  const fromFlags = flags.crm !== undefined || flags.cdr !== undefined;
  type Entry = Partial<NonNullable<ConfigFile['callLogs']>[number]> & { files: string[]; cdr?: boolean };
  const entries: Entry[] = fromFlags
    ? [
        ...(flags.crm?.length ? [{ files: flags.crm, preset: flags.crmPreset }] : []),
        ...(flags.cdr?.length
          ? [{ files: flags.cdr, preset: flags.cdrPreset ?? 'freepbx-cdr', cdr: true }]
          : []),
      ]
    : [
        ...((asList(config.crm) ?? []).length
          ? [{ files: asList(config.crm)!.map(fromConfig), preset: config.crmPreset }]
          : []),
        ...(config.callLogs ?? []).map((c) => ({ ...c, files: callLogFiles(c, fromConfig) })),
      ];
  return entries.map((entry): CallLogSource => {
    // A callLogs[] entry's own preset is more specific than the --crm-preset flag or crmPreset.
    const presetName = entry.preset ?? (fromFlags ? null : (flags.crmPreset ?? config.crmPreset)) ?? null;
    const telephony = presetName !== null && callLogPreset(presetName).kind === 'telephony';
    // Column and format flags describe the CRM export; a CDR keeps its preset's columns. Top-level
    // columns in the config fill only entries without a preset of their own.
    const columns: SourceFlags = entry.cdr || telephony ? {} : flags;
    const shared = entry.preset === undefined || entry.preset === null ? config : {};
    const encoding = columns.encoding ?? entry.encoding ?? config.encoding ?? 'auto';
    const delimiter = columns.delimiter ?? entry.delimiter ?? config.delimiter ?? 'auto';
    const d = choiceOf('delimiter', delimiter);
    const named: NamedColumns = {
      preset: presetName,
      idColumn: columns.idColumn ?? entry.idColumn ?? shared.idColumn ?? null,
      outcomeColumn: columns.outcomeColumn ?? entry.outcomeColumn ?? shared.outcomeColumn ?? null,
      timeColumn: columns.timeColumn ?? entry.timeColumn ?? shared.timeColumn ?? null,
    };
    return {
      files: entry.files,
      ...named,
      encoding: choiceOf('encoding', encoding),
      delimiter: d === 'tab' ? '\t' : d,
      dateFormat: columns.dateFormat ?? entry.dateFormat ?? shared.dateFormat ?? null,
      timezone: entry.timezone ?? null,
      ...workbookSettings(columns, entry, shared),
      ...(entry.table !== undefined ? { table: entry.table } : {}),
      ...(entry.query !== undefined ? { query: entry.query } : {}),
      columns: resolveColumnMapping(named, business),
    };
  });
}

/** The files of a callLogs[] entry, or its database URL (`"type": "sql"`). */
function callLogFiles(
  entry: NonNullable<ConfigFile['callLogs']>[number],
  fromConfig: (p: string) => string,
): string[] {
  if (entry.url !== undefined || entry.type === 'sql') {
    if (entry.url === undefined || entry.file !== undefined) {
      throw new CallauditError(
        'CONFIG_INVALID',
        'a callLogs[] entry of "type": "sql" needs "url" and no "file"',
        'e.g. { "type": "sql", "url": "mysql://asterisk@pbx:3306/asteriskcdrdb", "preset": "freepbx-cdr" }',
      );
    }
    return [entry.url];
  }
  if (entry.file === undefined) {
    throw new CallauditError(
      'CONFIG_INVALID',
      'a callLogs[] entry needs "file" (or "type": "sql" with "url")',
      'e.g. { "file": "exports/calls-*.csv" }',
    );
  }
  return asList(entry.file)!.map(fromConfig);
}

/**
 * Where in a workbook or JSON file the rows are (`--sheet`, `--header-row`, `--records`); only
 * the ones set, so the settings of a CSV source read as before.
 */
function workbookSettings(
  flags: SourceFlags,
  entry: Partial<NonNullable<ConfigFile['callLogs']>[number]>,
  shared: Partial<ConfigFile>,
): Pick<CallLogSource, 'sheet' | 'headerRow' | 'records'> {
  const sheet = flags.sheet ?? entry.sheet ?? shared.sheet;
  const headerRow = flags.headerRow ?? entry.headerRow ?? shared.headerRow;
  const records = flags.records ?? entry.records ?? shared.records;
  return {
    ...(sheet !== undefined ? { sheet: String(sheet) } : {}),
    ...(headerRow !== undefined ? { headerRow: positiveRow(headerRow) } : {}),
    ...(records !== undefined ? { records } : {}),
  };
}

function positiveRow(value: string | number): number {
  const row = Number(value);
  if (Number.isInteger(row) && row >= 1 && row <= 1_048_576) return row;
  throw new CallauditError(
    'BAD_FLAG',
    `--header-row must be a row number from 1 to 1048576, not "${value}"`,
    'e.g. --header-row 3 when two title rows stand above the header',
  );
}

/**
 * Refuses a root given twice (`root` and `root/`, relative and absolute, through a symbolic link)
 * or a root inside another, compared by real path: their recordings would be audited, counted and
 * listed for deletion twice. Refused rather than merged, because two entries may carry different
 * settings and no choice between them would be obvious.
 */
export function checkDistinctRoots(archives: readonly ArchiveSource[]): void {
  const seen: Array<{ root: string; real: string }> = [];
  for (const { root } of archives) {
    const real = realPathOf(root);
    for (const other of seen) {
      const same = real === other.real;
      if (!same && !isWithin(real, other.real) && !isWithin(other.real, real)) continue;
      const [outer, inner] = isWithin(real, other.real) ? [other.root, root] : [root, other.root];
      throw new CallauditError(
        same ? 'ROOT_TWICE' : 'ROOT_INSIDE_ROOT',
        same
          ? `the archive root ${root} is the same folder as ${other.root} (${real})`
          : `the archive root ${inner} lies inside the archive root ${outer}`,
        same
          ? 'give each archive root once'
          : `give only ${outer} (it includes ${inner}), or use --include to choose its files`,
      );
    }
    seen.push({ root, real });
  }
}
