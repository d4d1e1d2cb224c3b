import { type Command, Option } from 'commander';
import { OPTIONS } from './options.js';
import { helpText, type CommandName, type OptionSpec } from './spec.js';

/** The model's options of one command, in the model's order. */
export function optionsOf(command: CommandName): Array<OptionSpec & { flags: string }> {
  return Object.values(OPTIONS as Record<string, OptionSpec>).filter(
    (spec): spec is OptionSpec & { flags: string } =>
      spec.flags !== undefined && spec.commands.includes(command),
  );
}

/** Adds the command's options from the model; no command declares an option by hand. */
export function withOptions(command: Command, name: CommandName): Command {
  for (const spec of optionsOf(name)) {
    const option = new Option(spec.flags, helpText(spec));
    if (spec.choices) option.choices(spec.choices);
    if (spec.commanderDefault !== undefined) option.default(spec.commanderDefault);
    if (spec.required) option.makeOptionMandatory();
    command.addOption(option);
  }
  return command;
}
