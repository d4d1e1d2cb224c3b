import { z } from 'zod';
import { packFileSchema } from './extend-pack.js';

export const PACK_SCHEMA_FILE = 'schema/policy-pack.schema.json';

/**
 * The published JSON Schema of a policy pack file, generated from the zod schema so the two
 * cannot drift (a test compares it with the committed file). Cross-field checks, such as cited
 * ids being defined, are only in callaudit itself.
 */
export function policyPackJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(packFileSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://github.com/callaudit/callaudit/schema/policy-pack.schema.json',
    title: 'callaudit policy pack',
    description:
      'A complete policy pack, or one that "extends" a built-in pack (e.g. si-ip-akos) and overrides vocabulary, retention and citations.',
  };
}
