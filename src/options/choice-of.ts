import { CallauditError } from '../errors.js';
import { OPTIONS } from './options.js';
import { longFlag, type OptionSpec } from './spec.js';

type Model = typeof OPTIONS;

/** The options with a closed list of values. */
type WithChoices = {
  [K in keyof Model]: Model[K] extends { choices: readonly string[] } ? K : never;
}[keyof Model];

type ChoiceOf<K extends WithChoices> = Model[K] extends { choices: readonly (infer C)[] } ? C : never;

/**
 * A value of an option with choices, from its flag or the config file (commander checks only the
 * flag), checked against the model's list; the error names the flag and the allowed values.
 */
export function choiceOf<K extends WithChoices>(key: K, value: string, hint?: string): ChoiceOf<K> {
  const spec: OptionSpec = OPTIONS[key];
  if (spec.choices!.includes(value)) return value as ChoiceOf<K>;
  throw new CallauditError(
    'BAD_FLAG',
    `${longFlag(spec) ?? key} must be one of ${spec.choices!.join(', ')}, not "${value}"`,
    hint,
  );
}
