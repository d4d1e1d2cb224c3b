import { Command, Option } from 'commander';
import chalk from 'chalk';
import { findConfigFile, loadConfigFile } from '../config/config-file.js';
import { resolvePlan, type AuditFlags } from '../config/resolve-plan.js';
import { DEFAULTS } from '../config/settings.js';
import { renderConsoleSummary, type Painter } from '../report/console-summary.js';
import { runAudit } from '../run-audit.js';
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
    .option('--hash', 'record the SHA-256 of each violation in the deletion manifest (reads those files)')
    .option('--json', 'print the summary as JSON on stdout')
    .option('-c, --config <file>', 'JSON config file (default: ./callaudit.config.json when present)')
    .action(
      async (roots: string[], options: AuditFlags & { json?: boolean; config?: string; crm?: string[] }) => {
        const configFile = findConfigFile(options.config, process.cwd());
        const loaded = configFile ? loadConfigFile(configFile) : null;
        const plan = resolvePlan(roots, options, loaded);
        checkFormats(plan.formats);
        checkOutsideRoots(plan.out, plan.roots);
        const result = await runAudit(plan, {
          warn: (message) => io.stderr(`${chalk.yellow('warning')} ${message}\n`),
        });
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
