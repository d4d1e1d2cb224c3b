import { Command, Option } from 'commander';
import chalk from 'chalk';
import { findConfigFile, loadConfigFile } from '../config/config-file.js';
import { resolvePlan, type AuditFlags } from '../config/resolve-plan.js';
import { resolveRenderOptions, type ReportFlags } from '../config/report-options.js';
import { DEFAULTS } from '../config/settings.js';
import { renderConsoleSummary, type Painter } from '../report/console-summary.js';
import { baselineCounts, summaryForExitCode } from '../audit/baseline.js';
import { applyBaseline, loadBaseline } from './apply-baseline.js';
import { writePartialReport } from './partial-report.js';
import { addReportOutputOptions } from './report-output-options.js';
import { runWithProgress } from './run-with-progress.js';
import { exitCodeFor } from './exit-code.js';
import { checkAuditLocations } from './audit-locations.js';
import { checkFormats, writeReports } from './write-reports.js';

const chalkPainter: Painter = {
  green: chalk.green,
  red: chalk.red,
  yellow: chalk.yellow,
  cyan: chalk.cyan,
  bold: chalk.bold,
  dim: chalk.dim,
};

export interface CommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
  setExitCode(code: number): void;
}

export function auditCommand(io: CommandIo): Command {
  return addReportOutputOptions(
    new Command('audit')
      .description(
        'Audit recording archives against call logs; writes reports and a deletion manifest, never touches the archive.',
      )
      .argument('[archive-roots...]', 'folders of call recordings'),
  )
    .option('--crm <file-or-glob...>', 'call-log CSV files or globs (several allowed)')
    .option(
      '--id-pattern <regex>',
      'regex with a named group "id", matched against the path relative to the root (default: file name without extension)',
    )
    .option('--id-column <name>', `call-ID column in the call log (default: ${DEFAULTS.idColumn})`)
    .option('--outcome-column <name>', `outcome-label column (default: ${DEFAULTS.outcomeColumn})`)
    .option('--time-column <name>', 'event-time column (optional)')
    .addOption(
      new Option('--encoding <encoding>', 'call-log encoding (default: auto)').choices([
        'auto',
        'utf-8',
        'windows-1250',
        'utf-16le',
      ]),
    )
    .addOption(
      new Option('--delimiter <delimiter>', 'call-log delimiter (default: auto)').choices([
        'auto',
        ',',
        ';',
        'tab',
      ]),
    )
    .option('--timezone <zone>', `IANA zone for times without an offset (default: ${DEFAULTS.timezone})`)
    .option('--outcome-map <file>', "CSV with columns label,category for your CRM's own labels")
    .option(
      '--policy <id|file>',
      `policy pack: a built-in id or a JSON pack file (default: ${DEFAULTS.policy})`,
    )
    .option('--holds <file>', 'legal holds, CSV (type,scope,value,reference,reason,until) or JSON')
    .option(
      '--decisions <file>',
      'human decisions on review findings, CSV or JSON (call_id|path,decision,category,reason,reviewer,decided_at)',
    )
    .option(
      '--review-within <days>',
      'list review findings open longer than this many days, from --baseline (default: 30)',
    )
    .option('--customer-column <name>', 'customer-ID column, for customer_id holds (default: customer_id)')
    .option(
      '--notice-column <name>',
      'prior-notice column (yes/da/true/1 given, no/ne/false/0 not given); without it, notice is not verified',
    )
    .option(
      '--notice-missing <verdict>',
      'verdict when the notice column says the caller was not told: review (default) or violation',
    )
    .option('--purpose-column <name>', 'stated recording-purpose column')
    .option(
      '--max-event-lag <hours>',
      'how long after the recording an event still counts, hours or ISO duration (default: 72)',
    )
    .option('--log-period <from..to>', "period the call logs cover (default: each log's span of event times)")
    .option(
      '--due-within <days>',
      'list compliant recordings due for deletion within this many days (default: 30)',
    )
    .option(
      '--min-join-rate <share>',
      'stop (exit 2) when fewer than this share of recordings with a call ID find a call-log row (default: 0.5; 0 disables)',
    )
    .addOption(
      new Option(
        '--labels <trust>',
        'confirmed: only labels confirmed in the outcome map may lead to a violation (default: any)',
      ).choices(['any', 'confirmed']),
    )
    .option('--now <iso-date>', 'reference time, for reproducible reports (default: now)')
    .option(
      '--lang <en|sl>',
      'language of the HTML, Markdown and JUnit reports (default: sl for si-* policies)',
    )
    .option('--no-redact', 'show phone numbers and e-mail addresses in HTML, Markdown and JUnit reports')
    .option(
      '--baseline <report.json>',
      'a previous report.json: mark findings new or persisting, list resolved ones; exit code counts new findings only',
    )
    .option(
      '--threads <n>',
      'worker threads that read recordings (default: one per core, up to 8; 0 reads on the main thread)',
    )
    .option(
      '--concurrency <n>',
      `files read at once on the main thread: tags, sidecars, --hash, --threads 0 (default: ${DEFAULTS.concurrency})`,
    )
    .option(
      '--hash',
      'record the SHA-256 of each violation in the deletion manifest, reading those files (the default)',
    )
    .option('--no-hash', 'leave the SHA-256 out: `purge --execute` then needs --allow-unhashed')
    .option(
      '--cache <file>',
      `probe cache, so unchanged files are not read again (default: ${DEFAULTS.cacheFileName} in the output folder)`,
    )
    .option('--no-cache', 'neither read nor write a probe cache')
    .option(
      '--shard <i/n>',
      'audit only part i of n (split by a hash of each path) and write a partial report for `callaudit merge`',
    )
    .option(
      '--no-progress',
      'no progress bar on stderr (there is none anyway when stderr is not a terminal or CI is set)',
    )
    .option('--json', 'print the summary as JSON on stdout')
    .option(
      '--preset <name>',
      'recording preset: freepbx, amazon-connect, genesys-cloud, twilio, 3cx, generic (see "callaudit presets")',
    )
    .option(
      '--crm-preset <name>',
      'call-log preset for --crm files: salesforce-task, hubspot-calls, asterisk-cdr, freepbx-cdr, generic',
    )
    .option(
      '--cdr <file-or-glob...>',
      'telephony CDR files that link recordings to calls (outcomes still come from --crm)',
    )
    .option(
      '--cdr-preset <name>',
      'call-log preset for --cdr files (default: freepbx-cdr; asterisk-cdr for Master.csv)',
    )
    .option(
      '--include <glob...>',
      "globs of the files to audit, relative to each root (default: the preset's)",
    )
    .option(
      '--id-from <sources>',
      'where call IDs come from, comma-separated, first wins: filename, path, tag, sidecar',
    )
    .option(
      '--id-tag <name>',
      'tag holding the call ID: CALL_ID, TXXX:CALL_ID, ICMT, bext.originatorReference, ... (default: CALL_ID)',
    )
    .option(
      '--sidecar-field <path>',
      'dotted path of the call ID in JSON/XML sidecars (default: callId, call_id, conversationId, ...)',
    )
    .option('--recording-map <file>', 'CSV mapping recording IDs to call IDs (twilio: RecordingSid,CallSid)')
    .option(
      '--date-format <tokens>',
      'how the call log writes times, in luxon tokens, e.g. "dd/MM/yyyy HH:mm"',
    )
    .option(
      '--sheet <name|index>',
      'Excel call logs: the sheet to read (default: the first that has the ID column)',
    )
    .option(
      '--header-row <n>',
      'Excel call logs: the row of the header (default: the first row naming the ID column)',
    )
    .option(
      '--records <path>',
      'JSON call logs: dotted path of the array of records, when the file holds several',
    )
    .option('-c, --config <file>', 'JSON config file (default: ./callaudit.config.json when present)')
    .action(
      async (
        roots: string[],
        options: AuditFlags &
          ReportFlags & {
            json?: boolean;
            config?: string;
            crm?: string[];
            baseline?: string;
            progress?: boolean;
          },
      ) => {
        const configFile = findConfigFile(options.config, process.cwd());
        const loaded = configFile ? loadConfigFile(configFile) : null;
        const plan = resolvePlan(roots, options, loaded);
        checkFormats(plan.formats);
        await checkAuditLocations(plan, options.baseline);
        const renderOptions = resolveRenderOptions(options, loaded?.config, plan.policy);
        const warn = (message: string) => io.stderr(`${chalk.yellow('warning')} ${message}\n`);
        const baseline = options.baseline ? loadBaseline(options.baseline) : null;
        const audited = await runWithProgress(plan, options.progress !== false, io);
        if (plan.shard) {
          const partial = writePartialReport(audited, plan.shard, plan.out);
          io.stdout(
            `Shard ${plan.shard.index}/${plan.shard.count}: ${audited.summary.recordings} recording(s); partial report ${partial}\n`,
          );
          return;
        }
        const result = baseline ? applyBaseline(audited, baseline, warn) : audited;
        writeReports(result, plan.out, plan.formats, renderOptions);
        const overdue = result.engine?.reviews?.overdue.length ?? 0;
        if (options.json) {
          io.stdout(
            `${JSON.stringify({ ...result.summary, ...baselineCounts(result), out: plan.out, exitCode: exitCodeFor(summaryForExitCode(result), plan.failOn, overdue) }, null, 2)}\n`,
          );
        } else {
          io.stdout(renderConsoleSummary(result, plan.out, chalkPainter));
        }
        io.setExitCode(exitCodeFor(summaryForExitCode(result), plan.failOn, overdue));
      },
    );
}
