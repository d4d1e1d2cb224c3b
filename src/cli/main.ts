import { Command, CommanderError } from 'commander';
import { isCallauditError } from '../errors.js';
import { TOOL } from '../version.js';
import { withOptions } from '../options/commander.js';
import { auditCommand, type CommandIo } from './audit-command.js';
import { applyColourChoice } from './colour.js';
import { EXIT_CANNOT_AUDIT, EXIT_OK } from './exit-code.js';
import { explainCommand } from './explain-command.js';
import { initCommand } from './init-command.js';
import { labelsCommand } from './labels-command.js';
import { policyCommand } from './policy-command.js';
import { presetsCommand } from './presets-command.js';
import { renderCommand } from './render-command.js';
import { logCommand } from './log-command.js';
import { purgeCommand } from './purge-command.js';
import { restoreCommand } from './restore-command.js';
import { mergeCommand } from './merge-command.js';
import { reviewCommand } from './review-command.js';
import { sampleCommand } from './sample-command.js';

export function buildProgram(io: CommandIo): Command {
  const program = withOptions(new Command('callaudit'), 'callaudit')
    .description(
      'Which call recordings may you keep, which must go, and which need a human — with the evidence.',
    )
    .version(TOOL.version, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  for (const command of [
    auditCommand(io),
    explainCommand(io),
    labelsCommand(io),
    renderCommand(io),
    policyCommand(io),
    presetsCommand(io),
    initCommand(io),
    purgeCommand(io),
    restoreCommand(io),
    logCommand(io),
    mergeCommand(io),
    reviewCommand(io),
    sampleCommand(io),
  ]) {
    command.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
    for (const sub of command.commands)
      sub.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
    program.addCommand(command);
  }
  return program;
}

/**
 * A writer to `stream` that goes quiet once its reader has left (`callaudit explain … | head`
 * closes the pipe: EPIPE). The rest of the output has no reader, so it is dropped rather than
 * ending in a stack trace; the run itself (reports, a purge and its log) still finishes.
 */
function readerMayLeave(stream: NodeJS.WriteStream): (text: string) => void {
  let readerLeft = false;
  stream.once('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    readerLeft = true;
  });
  return (text) => {
    if (!readerLeft) stream.write(text);
  };
}

/** Runs the CLI and resolves to its exit code; only bin/callaudit.js touches process.exitCode. */
export async function main(argv: string[]): Promise<number> {
  let exitCode = EXIT_OK;
  const stdout = readerMayLeave(process.stdout);
  const io: CommandIo = {
    stdout,
    stderr: (text) => void process.stderr.write(text),
    setExitCode: (code) => {
      exitCode = code;
    },
  };
  const debug = argv.includes('--debug');
  applyColourChoice(argv, process.env);
  try {
    await buildProgram(io).parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are exits too, but successful ones.
      return error.exitCode === 0 ? EXIT_OK : EXIT_CANNOT_AUDIT;
    }
    if (isCallauditError(error)) {
      io.stderr(`callaudit: error: ${error.format()}\n`);
      if (debug) io.stderr(`${error.stack}\n`);
      return EXIT_CANNOT_AUDIT;
    }
    io.stderr(`callaudit: unexpected error: ${(error as Error).message ?? String(error)}\n`);
    io.stderr(
      debug ? `${(error as Error).stack}\n` : 'Run again with --debug for details, and please report this.\n',
    );
    return EXIT_CANNOT_AUDIT;
  }
}
