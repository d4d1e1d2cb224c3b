import { describe, expect, it } from 'vitest';
import { CallauditError } from '../src/errors.js';

describe('CallauditError.format', () => {
  it('puts the file and line before the message', () => {
    expect(new CallauditError('X', 'bad row', 'fix it', 'calls.csv', 4).format()).toBe(
      'calls.csv:4: bad row\n  → fix it',
    );
  });

  it('names the place once when the message already begins with it', () => {
    const error = new CallauditError(
      'S3_UNREACHABLE',
      's3://b/p: reading the bucket failed (x)',
      'check',
      's3://b/p',
    );
    expect(error.format()).toBe('s3://b/p: reading the bucket failed (x)\n  → check');
  });
});
