import chalk from 'chalk';

/**
 * Whether the user asked for no colour: `--no-color` anywhere on the command line, `NO_COLOR` set
 * to anything but the empty string (https://no-color.org), or a dumb terminal. Chalk itself knows
 * only the last; a choice to turn colour off wins over FORCE_COLOR.
 */
export function colourOff(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  return argv.includes('--no-color') || (env.NO_COLOR ?? '') !== '' || env.TERM === 'dumb';
}

/** Applies the user's choice to chalk, the only thing that paints terminal output. */
export function applyColourChoice(argv: readonly string[], env: NodeJS.ProcessEnv): void {
  if (colourOff(argv, env)) chalk.level = 0;
}
