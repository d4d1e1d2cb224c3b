import { existsSync } from 'node:fs';
import { readInputText } from '../input-file.js';
import { CallauditError } from '../errors.js';
import { extendPack, packExtensionSchema } from './extend-pack.js';
import { BUILTIN_PACK_IDS, loadBuiltinPack } from './load-pack.js';
import { parsePolicyPack } from './pack-schema.js';
import type { PolicyPack } from './types.js';

/**
 * `--policy`: a built-in pack id, or a JSON pack file (complete, or `"extends"` a built-in pack).
 */
export function loadPolicy(reference: string): PolicyPack {
  if (BUILTIN_PACK_IDS.includes(reference)) return loadBuiltinPack(reference);
  const hint = `give a built-in pack (${BUILTIN_PACK_IDS.join(', ')}) or the path of a JSON pack file`;
  if (!existsSync(reference)) {
    throw new CallauditError(
      'POLICY_PACK_NOT_FOUND',
      `"${reference}" is neither a built-in policy pack nor a file`,
      hint,
      reference,
    );
  }
  const text = readInputText(reference, { code: 'POLICY_PACK_UNREADABLE', what: 'the policy pack', hint });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CallauditError(
      'POLICY_PACK_INVALID',
      `the policy pack is not valid JSON (${(error as Error).message})`,
      'fix the JSON syntax; schema/policy-pack.schema.json describes the format',
      reference,
    );
  }
  if (typeof data === 'object' && data !== null && 'extends' in data) {
    const parsed = packExtensionSchema.safeParse(data);
    if (!parsed.success) return parsePolicyPackExtensionError(parsed.error.issues, reference);
    return extendPack(loadBuiltinPack(parsed.data.extends), parsed.data, reference);
  }
  return parsePolicyPack(data, reference);
}

function parsePolicyPackExtensionError(
  issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>,
  reference: string,
): never {
  const lines = issues
    .slice(0, 10)
    .map((issue) => `  ${issue.path.map(String).join('.') || '(pack)'}: ${issue.message}`);
  throw new CallauditError(
    'POLICY_PACK_INVALID',
    `policy pack is not valid:\n${lines.join('\n')}`,
    'an extending pack needs extends, id and version; schema/policy-pack.schema.json describes the format',
    reference,
  );
}
