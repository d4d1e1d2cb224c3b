import { Command, Option } from 'commander';
import chalk from 'chalk';
import { findConfigFile, loadConfigFile } from '../config/config-file.js';
import { resolvePlan, type AuditFlags } from '../config/resolve-plan.js';
import { DEFAULTS } from '../config/settings.js';
import { renderConsoleSummary, type Painter } from '../report/console-summary.js';
import { writePartialReport } from './partial-report.js';
import { runWithProgress } from './run-with-progress.js';
import { exitCodeFor } from './exit-code.js';
import { checkFormats, checkOutsideRoots, writeReports } from './write-reports.js';

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
  return new Command('audit')
    .description(
      'Audit recording archives against call logs; writes reports and a deletion manifest, never touches the archive.',
    )
    .argument('[archive-roots...]', 'folders of call recordings')
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
    .option('--policy <id>', `policy pack (default: ${DEFAULTS.policy})`)
    .option('--now <iso-date>', 'reference time, for reproducible reports (default: now)')
    .option('--out <dir>', `output folder (default: ${DEFAULTS.out})`)
    .option('--format <list>', `comma-separated report formats (default: ${DEFAULTS.format})`)
    .addOption(
      new Option('--fail-on <level>', 'exit 1 when findings reach this level (default: violation)').choices([
        'violation',
        'review',
        'never',
      ]),
    )
    .option('--concurrency <n>', `files probed at once (default: ${DEFAULTS.concurrency})`)
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
    .option('-c, --config <file>', 'JSON config file (default: ./callaudit.config.json when present)')
    .action(
      async (
        roots: string[],
        options: AuditFlags & { json?: boolean; config?: string; crm?: string[]; progress?: boolean },
      ) => {
        const configFile = findConfigFile(options.config, process.cwd());
        const loaded = configFile ? loadConfigFile(configFile) : null;
        const plan = resolvePlan(roots, options, loaded);
        checkFormats(plan.formats);
        checkOutsideRoots(plan.out, plan.roots);
        const result = await runWithProgress(plan, options.progress !== false, io);
        if (plan.shard) {
          const partial = writePartialReport(result, plan.shard, plan.out);
          io.stdout(
            `Shard ${plan.shard.index}/${plan.shard.count}: ${result.summary.recordings} recording(s); partial report ${partial}\n`,
          );
          return;
        }
        writeReports(result, plan.out, plan.formats);
        if (options.json) {
          io.stdout(
            `${JSON.stringify({ ...result.summary, out: plan.out, exitCode: exitCodeFor(result.summary, plan.failOn) }, null, 2)}\n`,
          );
        } else {
          io.stdout(renderConsoleSummary(result, plan.out, chalkPainter));
        }
        io.setExitCode(exitCodeFor(result.summary, plan.failOn));
      },
    );
}
