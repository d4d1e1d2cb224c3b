import { z } from 'zod';
import { LABEL_TRUST } from '../audit/engine-settings.js';
import { DEFAULT_LOG, DEFAULTS } from '../config/defaults.js';
import { LABEL_FORMATS } from '../labels/render-labels.js';
import { isoDurationSchema } from '../policy/pack-schema.js';
import { CALL_LOG_PRESET_NAMES } from '../presets/calllog/index.js';
import { RECORDING_PRESET_NAMES } from '../presets/recording/index.js';
import { REPORT_LANGS } from '../report/reporter.js';
import { DELIMITERS, ENCODINGS, FAIL_ON, ID_SOURCES, NOTICE_MISSING } from './choices.js';
import type { OptionModel } from './spec.js';

const stringOrList = z.union([z.string(), z.array(z.string())], {
  error: 'expected a string or a list of strings',
});
const recordingPresetName = z.enum(RECORDING_PRESET_NAMES as [string, ...string[]]);
const callLogPresetName = z.enum(CALL_LOG_PRESET_NAMES as [string, ...string[]]);

const AUDIT = ['audit', 'explain'] as const;
const READS_CALL_LOGS = ['audit', 'explain', 'labels'] as const;

/**
 * Every option of every command, declared once. Commander's options and help
 * (src/options/commander.ts), the config file's schema (src/config/settings.ts, and from it
 * schema/callaudit.config.schema.json) and docs/cli.md are generated from this; a test fails
 * when a flag or config key exists anywhere else. The order is the order of help and docs.
 */
export const OPTIONS = {
  $schema: { help: 'The JSON Schema of this file, for editors.', commands: [], config: z.string() },
  debug: { flags: '--debug', help: 'show stack traces for errors', commands: ['callaudit'] },
  roots: { help: 'Archive roots to audit.', commands: [], config: stringOrList },
  out: {
    flags: '--out <dir>',
    help: 'output folder',
    default: DEFAULTS.out,
    commands: ['audit', 'merge'],
    config: z.string(),
  },
  format: {
    flags: '--format <list>',
    help: 'comma-separated report formats',
    default: DEFAULTS.format,
    commands: ['audit', 'merge'],
    config: stringOrList,
  },
  failOn: {
    flags: '--fail-on <level>',
    help: 'exit 1 when findings reach this level',
    choices: FAIL_ON,
    default: DEFAULTS.failOn,
    commands: ['audit', 'merge'],
    config: z.enum(FAIL_ON),
  },
  crm: {
    flags: '--crm <file-or-glob...>',
    help: 'call-log CSV files or globs (several allowed)',
    commands: READS_CALL_LOGS,
    config: stringOrList,
  },
  idPattern: {
    flags: '--id-pattern <regex>',
    help: 'regex with a named group "id", matched against the path relative to the root',
    default: 'file name without extension',
    commands: AUDIT,
    config: z.string(),
    sources: { archive: 'idPattern' },
  },
  idColumn: {
    flags: '--id-column <name>',
    help: 'call-ID column in the call log',
    default: DEFAULTS.idColumn,
    commands: READS_CALL_LOGS,
    config: z.string(),
    sources: { callLog: 'idColumn' },
  },
  outcomeColumn: {
    flags: '--outcome-column <name>',
    help: 'outcome-label column',
    default: DEFAULTS.outcomeColumn,
    commands: READS_CALL_LOGS,
    config: z.string(),
    sources: { callLog: 'outcomeColumn' },
  },
  timeColumn: {
    flags: '--time-column <name>',
    help: 'event-time column (optional)',
    commands: READS_CALL_LOGS,
    config: z.string(),
    sources: { callLog: 'timeColumn' },
  },
  encoding: {
    flags: '--encoding <encoding>',
    help: 'call-log encoding',
    choices: ENCODINGS,
    default: DEFAULTS.encoding,
    commands: READS_CALL_LOGS,
    config: z.enum(ENCODINGS),
    sources: { callLog: 'encoding' },
  },
  delimiter: {
    flags: '--delimiter <delimiter>',
    help: 'call-log delimiter',
    choices: DELIMITERS,
    default: DEFAULTS.delimiter,
    commands: READS_CALL_LOGS,
    config: z.enum(DELIMITERS),
    sources: { callLog: 'delimiter' },
  },
  dateFormat: {
    flags: '--date-format <tokens>',
    help: 'how the call log writes times, in luxon tokens, e.g. "dd/MM/yyyy HH:mm"',
    commands: READS_CALL_LOGS,
    config: z.string(),
    sources: { callLog: 'dateFormat' },
  },
  timezone: {
    flags: '--timezone <zone>',
    help: 'IANA zone for times without an offset (in a source entry: the zone of that source)',
    default: DEFAULTS.timezone,
    commands: READS_CALL_LOGS,
    config: z.string(),
    sources: { archive: 'timezone', callLog: 'timezone' },
  },
  outcomeMap: {
    flags: '--outcome-map <file>',
    help: "CSV with columns label,category[,confirmed] for your CRM's own labels",
    commands: READS_CALL_LOGS,
    config: z.string(),
  },
  policy: {
    flags: '--policy <id|file>',
    help: 'policy pack: a built-in id or a JSON pack file',
    default: DEFAULTS.policy,
    commands: ['audit', 'explain', 'labels', 'policy'],
    config: z.string(),
  },
  holds: {
    flags: '--holds <file>',
    help: 'legal holds, CSV (type,scope,value,reference,reason,until) or JSON',
    commands: AUDIT,
    config: z.string(),
  },
  customerColumn: {
    flags: '--customer-column <name>',
    help: 'customer-ID column, for customer_id holds',
    default: 'customer_id',
    commands: AUDIT,
    config: z.string(),
  },
  noticeColumn: {
    flags: '--notice-column <name>',
    help: 'prior-notice column (yes/da/true/1 given, no/ne/false/0 not given); without it, notice is not verified',
    commands: AUDIT,
    config: z.string(),
  },
  noticeMissing: {
    flags: '--notice-missing <verdict>',
    help: 'verdict when the notice column says the caller was not told: review or violation',
    default: 'review',
    commands: AUDIT,
    config: z.enum(NOTICE_MISSING),
  },
  purposeColumn: {
    flags: '--purpose-column <name>',
    help: 'stated recording-purpose column',
    commands: AUDIT,
    config: z.string(),
  },
  maxEventLag: {
    flags: '--max-event-lag <hours>',
    help: 'how long after the recording an event still counts, hours (72) or ISO 8601 duration (PT72H, P3D)',
    default: '72',
    commands: AUDIT,
    config: z.union([z.number().positive(), z.string()]),
  },
  logPeriod: {
    flags: '--log-period <from..to>',
    help: 'period the call logs cover, e.g. 2026-10-01..2026-10-31',
    default: "each log's span of event times",
    commands: AUDIT,
    config: z.string(),
  },
  dueWithin: {
    flags: '--due-within <days>',
    help: 'list compliant recordings due for deletion within this many days',
    default: '30',
    commands: AUDIT,
    config: z.number().int().min(0),
  },
  retention: {
    help: 'Retention period per qualifying category, e.g. {"complaint": "P5Y"}.',
    commands: [],
    config: z.record(z.string(), isoDurationSchema),
  },
  minJoinRate: {
    flags: '--min-join-rate <share>',
    help: 'stop (exit 2) when fewer than this share of recordings with a call ID find a call-log row; 0 disables',
    default: '0.5',
    commands: AUDIT,
    config: z.number().min(0).max(1),
  },
  labels: {
    flags: '--labels <trust>',
    help: 'confirmed: only labels confirmed in the outcome map may lead to a violation; others are UNCONFIRMED_LABEL',
    choices: LABEL_TRUST,
    default: 'any',
    commands: AUDIT,
    config: z.enum(LABEL_TRUST),
  },
  now: {
    flags: '--now <iso-date>',
    help: 'reference time, for reproducible reports',
    default: 'now',
    commands: AUDIT,
  },
  lang: {
    flags: '--lang <en|sl>',
    help: 'language of the HTML, Markdown and JUnit reports',
    default: 'sl for si-* policies',
    commands: ['audit', 'explain', 'render'],
    config: z.enum(REPORT_LANGS as [string, ...string[]]),
  },
  redact: {
    flags: '--no-redact',
    help: 'show phone numbers and e-mail addresses in HTML, Markdown and JUnit reports',
    commands: ['audit', 'explain', 'render'],
  },
  baseline: {
    flags: '--baseline <report.json>',
    help: 'a previous report.json: mark findings new or persisting, list resolved ones; exit code counts new findings only',
    commands: AUDIT,
  },
  threads: {
    flags: '--threads <n>',
    help: 'worker threads that read recordings; 0 reads on the main thread',
    default: 'one per core, up to 8',
    commands: AUDIT,
    config: z.number().int().min(0).max(64),
  },
  concurrency: {
    flags: '--concurrency <n>',
    help: 'files read at once on the main thread: tags, sidecars, --hash, --threads 0',
    default: String(DEFAULTS.concurrency),
    commands: AUDIT,
    config: z.number().int().min(1).max(256),
  },
  hash: {
    flags: '--hash',
    help: 'record the SHA-256 of each violation in the deletion manifest, reading those files (the default)',
    commands: AUDIT,
    config: z.boolean(),
  },
  noHash: {
    flags: '--no-hash',
    help: 'leave the SHA-256 out: `purge --execute` then needs --allow-unhashed',
    commands: AUDIT,
  },
  cache: {
    flags: '--cache <file>',
    help: 'probe cache, so unchanged files are not read again',
    default: `${DEFAULTS.cacheFileName} in the output folder`,
    commands: AUDIT,
  },
  noCache: { flags: '--no-cache', help: 'neither read nor write a probe cache', commands: AUDIT },
  shard: {
    flags: '--shard <i/n>',
    help: 'audit only part i of n (split by a hash of each path) and write a partial report for `callaudit merge`',
    commands: AUDIT,
  },
  progress: {
    flags: '--no-progress',
    help: 'no progress bar on stderr (there is none anyway when stderr is not a terminal or CI is set)',
    commands: AUDIT,
  },
  json: {
    flags: '--json',
    help: 'print the result (summary, explanation, pack, presets, outcome or totals) as JSON on stdout',
    commands: ['audit', 'explain', 'policy', 'presets', 'purge', 'log summary', 'merge'],
  },
  preset: {
    flags: '--preset <name>',
    help: `recording preset: ${RECORDING_PRESET_NAMES.join(', ')} (see "callaudit presets")`,
    commands: AUDIT,
    config: recordingPresetName,
    sources: { archive: 'preset' },
  },
  crmPreset: {
    flags: '--crm-preset <name>',
    help: `call-log preset for --crm files: ${CALL_LOG_PRESET_NAMES.join(', ')}`,
    commands: READS_CALL_LOGS,
    config: callLogPresetName,
    sources: { callLog: 'preset' },
  },
  cdr: {
    flags: '--cdr <file-or-glob...>',
    help: 'telephony CDR files that link recordings to calls (outcomes still come from --crm)',
    commands: AUDIT,
  },
  cdrPreset: {
    flags: '--cdr-preset <name>',
    help: 'call-log preset for --cdr files',
    default: 'freepbx-cdr; asterisk-cdr for Master.csv',
    commands: AUDIT,
  },
  include: {
    flags: '--include <glob...>',
    help: 'globs of the files to audit, relative to each root',
    default: "the preset's",
    commands: AUDIT,
    config: stringOrList,
    sources: { archive: 'include' },
  },
  idFrom: {
    flags: '--id-from <sources>',
    help: `where call IDs come from, comma-separated, first wins: ${ID_SOURCES.join(', ')}`,
    default: 'filename',
    commands: AUDIT,
    config: z.array(z.enum(ID_SOURCES)),
    sources: { archive: 'idFrom' },
  },
  idTag: {
    flags: '--id-tag <name>',
    help: 'tag holding the call ID: CALL_ID, TXXX:CALL_ID, ICMT, bext.originatorReference, ...',
    default: 'CALL_ID',
    commands: AUDIT,
    config: z.string(),
    sources: { archive: 'idTag' },
  },
  sidecarField: {
    flags: '--sidecar-field <path>',
    help: 'dotted path of the call ID in JSON/XML sidecars',
    default: 'callId, call_id, conversationId, ...',
    commands: AUDIT,
    config: z.string(),
    sources: { archive: 'sidecarField' },
  },
  recordingMap: {
    flags: '--recording-map <file>',
    help: 'CSV mapping recording IDs to call IDs (twilio: RecordingSid,CallSid)',
    commands: AUDIT,
    config: z.string(),
    sources: { archive: 'recordingMap' },
  },
  config: {
    flags: '-c, --config <file>',
    help: 'JSON config file',
    default: './callaudit.config.json when present',
    commands: READS_CALL_LOGS,
  },
  $comment: { help: 'A note for the reader; ignored.', commands: [], config: stringOrList },
  archives: { help: 'Several archive roots, each with its own settings.', commands: [] },
  callLogs: { help: 'Several call-log sources, each with its own settings.', commands: [] },
  labelsFormat: {
    flags: '--format <format>',
    help: 'output format',
    choices: LABEL_FORMATS,
    default: 'text',
    commands: ['labels'],
  },
  writeMap: {
    flags: '--write-map <file>',
    help: 'write a draft outcome map (label,category,count,confirmed=no) to this file',
    commands: ['labels'],
  },
  force: { flags: '--force', help: 'let --write-map replace an existing file', commands: ['labels'] },
  renderFormat: {
    flags: '--format <list>',
    help: 'comma-separated report formats',
    commanderDefault: 'html,md',
    commands: ['render'],
  },
  renderOut: { flags: '--out <dir>', help: 'output folder', commanderDefault: '.', commands: ['render'] },
  renderConfig: {
    flags: '-c, --config <file>',
    help: 'JSON config file, for its lang setting',
    commands: ['render'],
  },
  policyConfig: {
    flags: '-c, --config <file>',
    help: 'JSON config file whose "policy" and "retention" apply',
    commands: ['policy'],
  },
  initPreset: {
    flags: '--preset <name>',
    help: 'recording preset (see "callaudit presets")',
    required: true,
    commands: ['init'],
  },
  initCrmPreset: {
    flags: '--crm-preset <name>',
    help: 'call-log preset of the CRM export',
    commanderDefault: 'generic',
    commands: ['init'],
  },
  initConfig: {
    flags: '-c, --config <file>',
    help: 'file to write',
    commanderDefault: 'callaudit.config.json',
    commands: ['init'],
  },
  purgeRoot: {
    flags: '--root <archive-root>',
    help: 'the archive root the audit ran on; rows of other roots are refused',
    required: true,
    commands: ['purge'],
  },
  restoreRoot: {
    flags: '--root <archive-root>',
    help: 'the archive root the files came from',
    required: true,
    commands: ['restore'],
  },
  execute: {
    flags: '--execute',
    help: 'really act (without it: a dry run that touches nothing)',
    commands: ['purge', 'restore'],
  },
  operator: {
    flags: '--operator <name>',
    help: 'who acts (name or role), recorded in the deletion log; required with --execute',
    commands: ['purge', 'restore'],
  },
  quarantine: {
    flags: '--quarantine <dir>',
    help: 'move files here (keeping relative paths) instead of deleting them',
    commands: ['purge'],
  },
  purgeHolds: {
    flags: '--holds <file>',
    help: 'holds file (CSV or JSON, as for the audit): held calls are skipped',
    commands: ['purge'],
  },
  purgeTimezone: {
    flags: '--timezone <zone>',
    help: 'zone for hold dates',
    default: DEFAULTS.timezone,
    commands: ['purge'],
  },
  log: {
    flags: '--log <file>',
    help: 'deletion log: purge appends to it, restore reads the purge and appends to it',
    default: `./${DEFAULT_LOG}`,
    commands: ['purge', 'restore'],
  },
  report: {
    flags: '--report <report.json>',
    help: 'the report.json of the same audit run: every row must be one of its violations',
    default: 'next to the manifest',
    commands: ['purge'],
  },
  allowUnhashed: {
    flags: '--allow-unhashed',
    help: 'accept rows without a SHA-256 (audited with --no-hash): size and mtime are then the only proof',
    commands: ['purge'],
  },
  resume: {
    flags: '--resume',
    help: 'finish an interrupted --execute run (same manifest, root and mode)',
    commands: ['purge'],
  },
  yes: { flags: '--yes', help: 'do not ask for confirmation on a terminal', commands: ['purge', 'restore'] },
  head: {
    flags: '--head <sha256>',
    help: 'the head hash written down after a run: also proves no line was cut off the end',
    commands: ['log verify'],
  },
  logTimezone: {
    flags: '--timezone <zone>',
    help: 'zone of the calendar days',
    default: DEFAULTS.timezone,
    commands: ['log summary'],
  },
} as const satisfies OptionModel;

export type OptionKey = keyof typeof OPTIONS;
