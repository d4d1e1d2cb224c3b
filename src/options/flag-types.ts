import type { OPTIONS } from './options.js';
import type { CommandName } from './spec.js';

type Model = typeof OPTIONS;

/** `-c, --config <file>` → `config`, `--no-hash` → `no-hash`, `--crm <f...>` → `crm`. */
type LongName<Flags extends string> = Flags extends `${string}--${infer Rest}`
  ? Rest extends `${infer Name} ${string}`
    ? Name
    : Rest
  : never;

type CamelCase<Name extends string> = Name extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : Name;

/** The attribute commander stores a flag under: camelCase, without `no-` (`--no-hash` sets `hash`). */
type Attribute<Flags extends string> =
  LongName<Flags> extends `no-${infer Negated}` ? CamelCase<Negated> : CamelCase<LongName<Flags>>;

/** What commander hands over: a list for `<x...>`, a string for `<x>`, true/false for a switch. */
type ValueOf<Flags extends string> = Flags extends `${string}...>`
  ? string[]
  : Flags extends `${string}<${string}>`
    ? string
    : boolean;

/**
 * The flags of a command as commander hands them over, derived from the options model: a flag
 * added to OPTIONS is in the type. Every one is optional, so the config file can fill it; a flag
 * and its `--no-` form share an attribute (`--cache <file>` and `--no-cache`: string or boolean).
 */
export type FlagsOf<Command extends CommandName> = {
  [
    Key in keyof Model as Model[Key] extends {
      flags: infer Flags extends string;
      commands: readonly (infer Of)[];
    }
      ? Command extends Of
        ? Attribute<Flags>
        : never
      : never
  ]?: Model[Key] extends { flags: infer Flags extends string } ? ValueOf<Flags> : never;
};
