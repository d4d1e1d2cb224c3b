export type { Citation, CategoryDefinition, PolicyPack, RetentionPolicy } from './types.js';
export { createClassifier, normaliseLabel, tokenise, type Classifier } from './classify.js';
export {
  BUILTIN_PACK_IDS,
  DEFAULT_PACK_ID,
  canonicalJson,
  loadBuiltinPack,
  packSha256,
} from './load-pack.js';
export { parseOutcomeMap } from './outcome-map.js';
export {
  CATEGORY_CODES,
  DEFINABLE_CATEGORY_CODES,
  REASON_CODES,
  categoryDefinitionSchema,
  citationSchema,
  parsePolicyPack,
  policyPackSchema,
} from './pack-schema.js';
export { extendPack, packExtensionSchema, packFileSchema, withRetentionOverrides } from './extend-pack.js';
export { loadPolicy } from './load-pack-file.js';
