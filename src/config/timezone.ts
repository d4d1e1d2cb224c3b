import { IANAZone } from 'luxon';
import { CallauditError } from '../errors.js';

/** The `--timezone` value, checked: an IANA zone name. */
export function requireTimezone(timezone: string): string {
  if (!IANAZone.isValidZone(timezone)) {
    throw new CallauditError(
      'BAD_FLAG',
      `--timezone "${timezone}" is not an IANA time zone`,
      'e.g. Europe/Ljubljana or UTC',
    );
  }
  return timezone;
}
