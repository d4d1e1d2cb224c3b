import { CallauditError } from '../errors.js';

/** A flag or key given once or several times, as a list. */
export const asList = (value: string | string[] | undefined): string[] | undefined =>
  value === undefined ? undefined : Array.isArray(value) ? value : [value];

/** A choice checked against its allowed values, naming the flag or key in the error. */
export function oneOf<T extends string>(what: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new CallauditError('BAD_FLAG', `${what} must be one of ${allowed.join(', ')}, not "${value}"`);
}
