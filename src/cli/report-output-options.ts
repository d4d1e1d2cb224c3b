import { type Command, Option } from 'commander';
import { DEFAULTS, FAIL_ON } from '../config/settings.js';

/** `--out`, `--format` and `--fail-on`, shared by every command that writes reports and an exit code. */
export function addReportOutputOptions(command: Command): Command {
  return command
    .option('--out <dir>', `output folder (default: ${DEFAULTS.out})`)
    .option('--format <list>', `comma-separated report formats (default: ${DEFAULTS.format})`)
    .addOption(
      new Option('--fail-on <level>', 'exit 1 when findings reach this level (default: violation)').choices([
        ...FAIL_ON,
      ]),
    );
}
