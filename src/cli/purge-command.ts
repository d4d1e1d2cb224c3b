import { Command } from 'commander';
import { withOptions } from '../options/commander.js';
import { DEFAULTS } from '../config/settings.js';
import { purge } from '../remediation/purge.js';
import type { S3Settings } from '../archive/s3/client.js';
import type { CommandIo } from './audit-command.js';
import { askYes, formatBytes, isInteractive } from './confirm.js';
import { EXIT_FINDINGS, EXIT_OK } from './exit-code.js';
import { allHandled, purgeJson, renderPurge } from './purge-output.js';
import { purgePreview } from './purge-preview.js';

import { DEFAULT_LOG } from '../config/defaults.js';

export { DEFAULT_LOG };

interface PurgeFlags extends S3Flags {
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
  keepOtherVersions?: boolean;
}

/** The S3 flags purge and restore share, as client settings. */
export function s3SettingsOf(flags: S3Flags): S3Settings {
  return {
    endpoint: flags.s3Endpoint ?? null,
    region: flags.s3Region ?? null,
    forcePathStyle: Boolean(flags.s3ForcePathStyle),
    profile: flags.profile ?? null,
  };
}

export interface S3Flags {
  s3Endpoint?: string;
  s3Region?: string;
  s3ForcePathStyle?: boolean;
  profile?: string;
}

export function purgeCommand(io: CommandIo): Command {
  return withOptions(
    new Command('purge')
      .description(
        'Delete (or quarantine) the files of a deletion manifest, re-verifying each one; a dry run unless --execute.',
      )
      .argument('<deletion-manifest>', 'deletion-manifest.csv written by `callaudit audit`'),
    'purge',
  ).action(async (manifestFile: string, flags: PurgeFlags) => {
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
        keepOtherVersions: Boolean(flags.keepOtherVersions),
        s3: s3SettingsOf(flags),
      },
      {
        // Rule 6: a person at a terminal confirms once; CI (no TTY) and --yes do not ask.
        confirm:
          flags.yes || !isInteractive()
            ? undefined
            : (plan) => {
                io.stderr(
                  purgePreview(plan, {
                    manifest: manifestFile,
                    root: flags.root,
                    quarantine: flags.quarantine ?? null,
                  }),
                );
                return askYes(
                  `${plan.mode === 'delete' ? 'Irreversibly delete' : 'Move to quarantine'} ${plan.files} file(s), ${formatBytes(plan.bytes)}, from ${flags.root}?`,
                );
              },
      },
    );
    const exitCode = allHandled(report) ? EXIT_OK : EXIT_FINDINGS;
    io.stdout(flags.json ? purgeJson(report, exitCode) : renderPurge(report));
    io.setExitCode(exitCode);
  });
}
