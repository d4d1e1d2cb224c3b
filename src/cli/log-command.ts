import { Command } from 'commander';
import { withOptions } from '../options/commander.js';
import { IANAZone } from 'luxon';
import { CallauditError } from '../errors.js';
import { summariseLog } from '../remediation/log-summary.js';
import { readLogText, verifyLogText } from '../remediation/log-verify.js';
import type { CommandIo } from './audit-command.js';
import { formatBytes } from './confirm.js';
import { EXIT_FINDINGS, EXIT_OK } from './exit-code.js';
import { DEFAULTS } from '../config/settings.js';

function readVerified(file: string) {
  const text = readLogText(file);
  if (text === null)
    throw new CallauditError('LOG_NOT_FOUND', 'the deletion log does not exist', 'check the path', file);
  return verifyLogText(text);
}

export function logCommand(io: CommandIo): Command {
  const log = new Command('log').description('Check and summarise a deletion log.');
  withOptions(
    log
      .command('verify')
      .description('Check that every line chains to the previous one by hash (tamper evidence).')
      .argument('<log>', 'deletion-log.ndjson'),
    'log verify',
  ).action((file: string, flags: { head?: string }) => {
    const check = readVerified(file);
    if (!check.ok) {
      io.stdout(`BROKEN at line ${check.broken!.line}: ${check.broken!.problem}\n`);
      io.stdout(`${check.lines} line(s) before it verify.\n`);
      io.setExitCode(EXIT_FINDINGS);
      return;
    }
    if (
      flags.head !== undefined &&
      !check.entries.some((e) => e.hash === flags.head) &&
      flags.head !== check.head
    ) {
      io.stdout(
        `BROKEN: no line has the head hash ${flags.head} (lines were removed or the log was replaced)\n`,
      );
      io.setExitCode(EXIT_FINDINGS);
      return;
    }
    io.stdout(`OK: ${check.lines} line(s), chain intact, head ${check.head}\n`);
    io.setExitCode(EXIT_OK);
  });
  withOptions(
    log
      .command('summary')
      .description('Totals per day, action and reason, for the report to the authority.')
      .argument('<log>', 'deletion-log.ndjson'),
    'log summary',
  ).action((file: string, flags: { timezone?: string; json?: boolean }) => {
    const zone = flags.timezone ?? DEFAULTS.timezone;
    if (!IANAZone.isValidZone(zone))
      throw new CallauditError('BAD_FLAG', `--timezone "${zone}" is not an IANA time zone`);
    const check = readVerified(file);
    if (!check.ok) {
      io.stderr(
        `callaudit: the log does not verify at line ${check.broken!.line} (${check.broken!.problem}); a summary of it is not evidence\n`,
      );
      io.setExitCode(EXIT_FINDINGS);
      return;
    }
    const rows = summariseLog(check.entries, zone);
    if (flags.json) {
      io.stdout(`${JSON.stringify({ zone, head: check.head, lines: check.lines, rows }, null, 2)}\n`);
    } else {
      io.stdout(
        `${'day'.padEnd(10)}  ${'action'.padEnd(11)}  ${'reason'.padEnd(24)}  ${'files'.padStart(6)}  bytes\n`,
      );
      for (const r of rows)
        io.stdout(
          `${r.day}  ${r.action.padEnd(11)}  ${r.reason.padEnd(24)}  ${String(r.files).padStart(6)}  ${formatBytes(r.bytes)}\n`,
        );
      io.stdout(`${check.lines} line(s), chain intact, head ${check.head} (days in ${zone})\n`);
    }
    io.setExitCode(EXIT_OK);
  });
  return log;
}
