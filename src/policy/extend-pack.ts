import { z } from 'zod';
import { CallauditError } from '../errors.js';
import {
  categoryDefinitionSchema,
  DEFINABLE_CATEGORY_CODES,
  REASON_CODES,
  citationSchema,
  isoDurationSchema,
  parsePolicyPack,
  policyPackSchema,
} from './pack-schema.js';
import type { PolicyPack } from './types.js';

const text = z.string().trim().min(1);

/**
 * A company pack that starts from another pack and changes only what it names: categories are
 * merged by code, citations and reason citations by key, retention periods by category; every
 * other field it gives replaces the base's.
 */
export const packExtensionSchema = z.strictObject({
  $schema: z.string().optional(),
  extends: text.describe('Id of the built-in pack this pack starts from, e.g. si-ip-akos.'),
  id: policyPackSchema.shape.id,
  version: policyPackSchema.shape.version,
  jurisdiction: text.optional(),
  description: text.optional(),
  categories: z
    .array(
      z.strictObject({
        code: z.enum(DEFINABLE_CATEGORY_CODES),
        labelSl: text.optional(),
        labelEn: text.optional(),
        qualifies: z.enum(['yes', 'no', 'review']).optional(),
        vocabulary: z.array(text).optional().describe('Replaces the base vocabulary of this category.'),
        addVocabulary: z.array(text).optional().describe('Added to the base vocabulary of this category.'),
        citationIds: z.array(text).optional(),
        suggestsHold: categoryDefinitionSchema.shape.suggestsHold,
      }),
    )
    .optional(),
  negations: z.array(text).optional(),
  topicMarkers: z.array(text).optional().describe('Replaces the base topic markers.'),
  reasonCitations: z.partialRecord(z.enum(REASON_CODES), z.array(text)).optional(),
  holdCitations: policyPackSchema.shape.holdCitations,
  citations: z.record(text, citationSchema).optional(),
  retention: z
    .strictObject({
      periods: z.partialRecord(z.enum(DEFINABLE_CATEGORY_CODES), isoDurationSchema).optional(),
      graceDays: z.number().int().min(0).optional(),
      status: z.enum(['confirmed', 'unconfirmed']).optional(),
      basisSl: text.optional(),
      basisEn: text.optional(),
      citationIds: z.array(text).optional(),
    })
    .optional(),
  noticeMissing: policyPackSchema.shape.noticeMissing,
});

export type PackExtension = z.infer<typeof packExtensionSchema>;

/** What a pack file may hold: a complete pack, or an extension of a built-in one. */
export const packFileSchema = z.union([policyPackSchema, packExtensionSchema]);

/** Applies an extension to its base and validates the result as a complete pack. */
export function extendPack(base: PolicyPack, extension: PackExtension, source: string): PolicyPack {
  const categories = base.categories.map((def) => ({ ...def }));
  for (const change of extension.categories ?? []) {
    const { addVocabulary, ...fields } = change;
    const present = categories.find((def) => def.code === change.code);
    const target = present ?? ({ code: change.code } as (typeof categories)[number]);
    Object.assign(target, fields);
    if (addVocabulary) target.vocabulary = [...(target.vocabulary ?? []), ...addVocabulary];
    if (!present) categories.push(target);
  }
  const merged = {
    id: extension.id,
    version: extension.version,
    jurisdiction: extension.jurisdiction ?? base.jurisdiction,
    description: extension.description ?? base.description,
    categories,
    negations: extension.negations ?? base.negations,
    // An extension keeps the base's topic markers and hold citations unless it names its own.
    topicMarkers: extension.topicMarkers ?? base.topicMarkers,
    reasonCitations: { ...base.reasonCitations, ...extension.reasonCitations },
    holdCitations:
      base.holdCitations || extension.holdCitations
        ? { ...base.holdCitations, ...extension.holdCitations }
        : undefined,
    citations: { ...base.citations, ...extension.citations },
    retention: {
      ...base.retention,
      ...extension.retention,
      periods: { ...base.retention.periods, ...extension.retention?.periods },
    },
    ...((extension.noticeMissing ?? base.noticeMissing)
      ? { noticeMissing: extension.noticeMissing ?? base.noticeMissing }
      : {}),
  };
  return parsePolicyPack(merged, source);
}

/** Sets retention periods from the config file (`"retention": {"complaint": "P5Y"}`). */
export function withRetentionOverrides(
  pack: PolicyPack,
  periods: Readonly<Record<string, string>>,
  source: string,
): PolicyPack {
  if (Object.keys(periods).length === 0) return pack;
  for (const code of Object.keys(periods)) {
    if (!pack.categories.some((def) => def.code === code)) {
      throw new CallauditError(
        'CONFIG_INVALID',
        `retention names the category "${code}", which the policy pack ${pack.id} does not define`,
        `retention keys are categories: ${pack.categories.map((def) => def.code).join(', ')}`,
        source,
      );
    }
  }
  return parsePolicyPack(
    { ...pack, retention: { ...pack.retention, periods: { ...pack.retention.periods, ...periods } } },
    source,
  );
}
