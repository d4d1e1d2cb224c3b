import { CallauditError } from '../../src/errors.js';

/** The CallauditError `fn` throws; any other outcome fails the test. */
export function errorOf(fn: () => unknown): CallauditError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CallauditError) return error;
    throw error;
  }
  throw new Error('expected an error');
}
