import { Command } from 'commander';
import chalk from 'chalk';
import { findConfigFile, loadConfigFile } from '../config/config-file.js';
import { resolvePlan, type AuditFlags } from '../config/resolve-plan.js';
import { resolveRenderOptions, type ReportFlags } from '../config/report-options.js';
import { withOptions } from '../options/commander.js';
import { renderConsoleSummary, type Painter } from '../report/console-summary.js';
import { baselineCounts, summaryForExitCode } from '../audit/baseline.js';
import { applyBaseline, loadBaseline } from './apply-baseline.js';
import { writePartialReport } from './partial-report.js';
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
  return withOptions(
    new Command('audit')
      .description(
        'Audit recording archives against call logs; writes reports and a deletion manifest, never touches the archive.',
      )
      .argument('[archive-roots...]', 'folders of call recordings'),
    'audit',
  ).action(
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
