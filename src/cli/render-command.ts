import { Command } from 'commander';
import { withOptions } from '../options/commander.js';
import { parseFormatList } from '../config/resolve-plan.js';
import { checkOutputLocations } from './output-locations.js';
import { findConfigFile, loadConfigFile } from '../config/config-file.js';
import { resolveRenderOptions, type ReportFlags } from '../config/report-options.js';
import type { CommandIo } from './audit-command.js';
import { readReport } from './read-report.js';
import { checkFormats, reportPath, writeReports } from './write-reports.js';

/** Re-renders a saved report.json in other formats without touching the archive or the call logs. */
export function renderCommand(io: CommandIo): Command {
  return withOptions(
    new Command('render')
      .description(
        'Render a saved report.json as html, md, junit (or json, csv, manifest) without auditing again.',
      )
      .argument('<report.json>', 'a report.json written by callaudit audit'),
    'render',
  ).action((file: string, options: ReportFlags & { format: string; out: string; config?: string }) => {
    const formats = parseFormatList(options.format);
    checkFormats(formats);
    const configFile = findConfigFile(options.config, process.cwd());
    checkOutputLocations({
      outDir: options.out,
      files: formats.map((format) => reportPath(options.out, format)),
      cache: null,
      roots: [],
      inputs: [file, ...(configFile ? [configFile] : [])],
    });
    const result = readReport(file, 'report');
    const config = configFile ? loadConfigFile(configFile).config : undefined;
    const written = writeReports(
      result,
      options.out,
      formats,
      resolveRenderOptions(options, config, result.policy.id),
    );
    io.stdout(`${written.join('\n')}\n`);
  });
}
