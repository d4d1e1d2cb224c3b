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

/** The CallauditError `promise` rejects with; any other outcome fails the test. */
export async function rejectionOf(promise: Promise<unknown>): Promise<CallauditError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CallauditError) return error;
    throw error;
  }
  throw new Error('expected an error');
}
