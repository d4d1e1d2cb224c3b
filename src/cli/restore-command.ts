import { Command } from 'commander';
import { withOptions } from '../options/commander.js';
import { restore, type RestoreReport } from '../remediation/restore.js';
import { SKIP_REASONS } from '../remediation/skip-reasons.js';
import type { CommandIo } from './audit-command.js';
import { askYes, formatBytes, isInteractive } from './confirm.js';
import { EXIT_FINDINGS, EXIT_OK } from './exit-code.js';
import { DEFAULT_LOG, s3SettingsOf, type S3Flags } from './purge-command.js';

interface RestoreFlags extends S3Flags {
  root: string;
  execute?: boolean;
  operator?: string;
  log?: string;
  yes?: boolean;
}

function render(report: RestoreReport): string {
  const out: string[] = [];
  const moved = report.results.filter((r) => r.kind !== 'skipped');
  const bytes = moved.reduce((s, r) => s + ('size' in r ? r.size : 0), 0);
  out.push(
    report.executed ? 'callaudit restore — executed' : 'callaudit restore — DRY RUN: nothing was touched',
  );
  out.push(
    `${report.executed ? 'restored' : 'would restore'}: ${moved.length} file(s), ${formatBytes(bytes)}`,
  );
  // The dry run is where the operator checks what comes back, file by file, before --execute.
  for (const r of moved) out.push(`  ${r.path}  ${'size' in r ? formatBytes(r.size) : ''}`.trimEnd());
  const skipped = report.results.filter((r) => r.kind === 'skipped');
  if (skipped.length > 0) {
    out.push(`${report.executed ? 'skipped' : 'would skip'}: ${skipped.length} file(s) — left in quarantine`);
    for (const r of skipped)
      if (r.kind === 'skipped') out.push(`  ${r.skip.code}  ${r.path}: ${r.skip.detail}`);
    const codes = [...new Set(skipped.map((r) => (r.kind === 'skipped' ? r.skip.code : null)))];
    for (const code of codes) if (code) out.push(`  ${code}: ${SKIP_REASONS[code]}`);
  }
  if (report.missing.length > 0) {
    out.push(
      `missing from the quarantine: ${report.missing.length} file(s) the log says were quarantined and not restored`,
    );
    for (const entry of report.missing)
      out.push(
        `  log line ${entry.seq}  call ${entry.call_id}  ${entry.size ?? '?'} bytes  path sha256 ${entry.path_sha256}`,
      );
  }
  for (const warning of report.warnings) out.push(`warning: ${warning}`);
  if (report.log)
    out.push(`deletion log ${report.log.file}: ${report.log.lines} line(s), head ${report.log.head}`);
  if (!report.executed) out.push('To act: add --execute --operator "<name or role>".');
  return `${out.join('\n')}\n`;
}

export function restoreCommand(io: CommandIo): Command {
  return withOptions(
    new Command('restore')
      .description(
        'Put quarantined files (or S3 objects) back into the archive, byte-identical; never overwrites. A dry run unless --execute.',
      )
      .argument('<quarantine-dir>', 'the --quarantine folder (or s3://bucket/prefix) of an earlier purge'),
    'restore',
  ).action(async (quarantine: string, flags: RestoreFlags) => {
    const report = await restore(
      {
        quarantine,
        root: flags.root,
        execute: Boolean(flags.execute),
        operator: flags.operator ?? null,
        logFile: flags.log ?? DEFAULT_LOG,
        s3: s3SettingsOf(flags),
      },
      {
        confirm:
          flags.yes || !isInteractive()
            ? undefined
            : ({ files, bytes }) =>
                askYes(`Restore ${files} file(s), ${formatBytes(bytes)}, into ${flags.root}?`),
      },
    );
    io.stdout(render(report));
    // Exit 1 when anything is not where the log says: skipped, replaced or missing files.
    const whole = report.missing.length === 0 && report.results.every((r) => r.kind !== 'skipped');
    io.setExitCode(whole ? EXIT_OK : EXIT_FINDINGS);
  });
}
