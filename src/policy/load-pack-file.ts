import { readFileSync } from 'node:fs';
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
  let text: string;
  try {
    text = readFileSync(reference, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CallauditError(
      code === 'ENOENT' ? 'POLICY_PACK_NOT_FOUND' : 'POLICY_PACK_UNREADABLE',
      code === 'ENOENT'
        ? `"${reference}" is neither a built-in policy pack nor a file`
        : `cannot read the policy pack (${code ?? (error as Error).message})`,
      `give a built-in pack (${BUILTIN_PACK_IDS.join(', ')}) or the path of a JSON pack file`,
      reference,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
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
