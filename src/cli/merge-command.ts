import { Command } from 'commander';
import { mergePartials, MergeRefused } from '../audit/merge-partials.js';
import { parseFormatList } from '../config/resolve-plan.js';
import { DEFAULTS, type FAIL_ON } from '../config/settings.js';
import { CallauditError } from '../errors.js';
import { plainPainter, renderConsoleSummary } from '../report/console-summary.js';
import type { CommandIo } from './audit-command.js';
import { exitCodeFor } from './exit-code.js';
import { checkOutputLocations } from './output-locations.js';
import { partialReportFile, readPartialReport } from './partial-report.js';
import { resolveRenderOptions } from '../config/report-options.js';
import { withOptions } from '../options/commander.js';
import { checkFormats, reportPath, writeReports } from './write-reports.js';

export function mergeCommand(io: CommandIo): Command {
  return withOptions(
    new Command('merge')
      .description(
        'Merge the partial reports of `audit --shard i/n` into the reports one unsharded audit writes.',
      )
      .argument('<partials...>', 'partial-report.json files, or the folders holding them'),
    'merge',
  ).action(
    (partialFiles: string[], options: { out?: string; format?: string; failOn?: string; json?: boolean }) => {
      const out = options.out ?? DEFAULTS.out;
      const formats = parseFormatList(options.format ?? DEFAULTS.format);
      checkFormats(formats);
      const partials = partialFiles.map(readPartialReport);
      let result;
      try {
        result = mergePartials(partials, partialFiles);
      } catch (error) {
        if (error instanceof MergeRefused) {
          throw new CallauditError(
            error.code,
            error.message,
            'merge the partials of one sharded run: same version, policy, settings, --now and call logs, every shard once',
          );
        }
        throw error;
      }
      checkOutputLocations({
        outDir: out,
        files: formats.map((format) => reportPath(out, format)),
        cache: null,
        roots: result.inputs.roots.map((root) => root.path),
        inputs: partialFiles.map(partialReportFile),
      });
      writeReports(result, out, formats, resolveRenderOptions({}, undefined, result.policy.id));
      const failOn = (options.failOn ?? DEFAULTS.failOn) as (typeof FAIL_ON)[number];
      const exitCode = exitCodeFor(result.summary, failOn);
      io.stdout(
        options.json
          ? `${JSON.stringify({ ...result.summary, out, exitCode }, null, 2)}\n`
          : renderConsoleSummary(result, out, plainPainter),
      );
      io.setExitCode(exitCode);
    },
  );
}
