import { createHash } from 'node:crypto';
import { CallauditError } from '../errors.js';
// Imported rather than read with fs so that tsc copies the data into dist/ next to this module.
import siIpAkos from './packs/si-ip-akos.json' with { type: 'json' };
import { parsePolicyPack } from './pack-schema.js';
import type { PolicyPack } from './types.js';

const DEFAULT_PACK_ID = 'si-ip-akos';

const BUILTIN_PACKS: Readonly<Record<string, unknown>> = { 'si-ip-akos': siIpAkos };

/** Ids of the packs shipped with callaudit. */
export const BUILTIN_PACK_IDS: readonly string[] = Object.keys(BUILTIN_PACKS);

/**
 * A shipped policy pack, validated. Each call returns a fresh copy, so a caller that adjusts it
 * (e.g. from a config file) cannot change what the next caller gets.
 */
export function loadBuiltinPack(id: string = DEFAULT_PACK_ID): PolicyPack {
  const data = Object.hasOwn(BUILTIN_PACKS, id) ? BUILTIN_PACKS[id] : undefined;
  if (data === undefined) {
    throw new CallauditError(
      'POLICY_PACK_NOT_FOUND',
      `there is no built-in policy pack "${id}"`,
      `Built-in packs: ${BUILTIN_PACK_IDS.join(', ')}.`,
    );
  }
  return parsePolicyPack(data, `built-in pack ${id}`);
}

/**
 * JSON with object keys sorted at every level and no whitespace, so that the same pack content
 * hashes the same however its file was formatted or its keys ordered.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`);
  return `{${entries.join(',')}}`;
}

/** Hex SHA-256 of the pack's canonical JSON; reports carry it so a verdict names the exact rules. */
export function packSha256(pack: PolicyPack): string {
  return createHash('sha256').update(canonicalJson(pack), 'utf8').digest('hex');
}
