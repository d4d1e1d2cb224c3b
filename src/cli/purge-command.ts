import { Command } from 'commander';
import { DEFAULTS } from '../config/settings.js';
import { purge } from '../remediation/purge.js';
import type { CommandIo } from './audit-command.js';
import { askYes, formatBytes, isInteractive } from './confirm.js';
import { EXIT_FINDINGS, EXIT_OK } from './exit-code.js';
import { allHandled, purgeJson, renderPurge } from './purge-output.js';

export const DEFAULT_LOG = 'deletion-log.ndjson';

interface PurgeFlags {
  root: string;
  execute?: boolean;
  operator?: string;
  quarantine?: string;
  holds?: string;
  timezone?: string;
  log?: string;
  resume?: boolean;
  report?: string;
  allowUnhashed?: boolean;
  yes?: boolean;
  json?: boolean;
}

export function purgeCommand(io: CommandIo): Command {
  return new Command('purge')
    .description(
      'Delete (or quarantine) the files of a deletion manifest, re-verifying each one; a dry run unless --execute.',
    )
    .argument('<deletion-manifest>', 'deletion-manifest.csv written by `callaudit audit`')
    .requiredOption(
      '--root <archive-root>',
      'the archive root the audit ran on; rows of other roots are refused',
    )
    .option('--execute', 'really act (without it: a dry run that touches nothing)')
    .option(
      '--operator <name>',
      'who acts (name or role), recorded in the deletion log; required with --execute',
    )
    .option('--quarantine <dir>', 'move files here (keeping relative paths) instead of deleting them')
    .option('--holds <file>', 'holds file (CSV or JSON, as for the audit): held calls are skipped')
    .option('--timezone <zone>', `zone for hold dates (default: ${DEFAULTS.timezone})`)
    .option('--log <file>', `deletion log, appended to (default: ./${DEFAULT_LOG})`)
    .option(
      '--report <report.json>',
      'the report.json of the same audit run: every row must be one of its violations (default: next to the manifest)',
    )
    .option(
      '--allow-unhashed',
      'accept rows without a SHA-256 (audited with --no-hash): size and mtime are then the only proof',
    )
    .option('--resume', 'finish an interrupted --execute run (same manifest, root and mode)')
    .option('--yes', 'do not ask for confirmation on a terminal')
    .option('--json', 'print the outcome as JSON on stdout')
    .action(async (manifestFile: string, flags: PurgeFlags) => {
      const report = await purge(
        {
          manifestFile,
          root: flags.root,
          execute: Boolean(flags.execute),
          operator: flags.operator ?? null,
          quarantine: flags.quarantine ?? null,
          holdsFile: flags.holds ?? null,
          timezone: flags.timezone ?? DEFAULTS.timezone,
          logFile: flags.log ?? DEFAULT_LOG,
          resume: Boolean(flags.resume),
          reportFile: flags.report ?? null,
          allowUnhashed: Boolean(flags.allowUnhashed),
        },
        {
          // Rule 6: a person at a terminal confirms once; CI (no TTY) and --yes do not ask.
          confirm:
            flags.yes || !isInteractive()
              ? undefined
              : ({ files, bytes, mode }) =>
                  askYes(
                    `${mode === 'delete' ? 'Irreversibly delete' : 'Move to quarantine'} ${files} file(s), ${formatBytes(bytes)}, from ${flags.root}?`,
                  ),
        },
      );
      const exitCode = allHandled(report) ? EXIT_OK : EXIT_FINDINGS;
      io.stdout(flags.json ? purgeJson(report, exitCode) : renderPurge(report));
      io.setExitCode(exitCode);
    });
}
