import { Duration } from 'luxon';
import { z } from 'zod';
import type { Category, ReasonCode } from '../audit/types.js';
import { CallauditError } from '../errors.js';
import { normaliseLabel, tokenise } from './classify.js';
import { HOLD_TYPES } from './holds.js';
import type { PolicyPack } from './types.js';

/** Categories a pack may define: `unknown` is reserved for "no rule matched". */
export const DEFINABLE_CATEGORY_CODES = [
  'order',
  'order_change',
  'cancellation',
  'complaint',
  'objection',
  'relationship_change',
  'support',
  'information',
  'no_sale',
  'staff_monitoring',
  'abuse_prevention',
  'other_non_qualifying',
  'technical_interruption',
  'data_protection_request',
  'legal_dispute',
] as const satisfies readonly Category[];

/** Every category a label can end up in; `unknown` is what no rule matched. */
export const CATEGORY_CODES = [...DEFINABLE_CATEGORY_CODES, 'unknown'] as const satisfies readonly Category[];

export const REASON_CODES = [
  'QUALIFYING_EVENT',
  'NON_QUALIFYING_ONLY',
  'NO_CALL_LOG_ENTRY',
  'UNKNOWN_OUTCOME',
  'AMBIGUOUS_CATEGORY',
  'NO_CALL_ID',
  'UNREADABLE_FILE',
  'CONFLICTING_CALL_ID',
  'RETENTION_EXPIRED',
  'LEGAL_HOLD',
  'HOLD_EXPIRED',
  'NO_PRIOR_NOTICE',
  'EVENT_TIME_MISMATCH',
  'OUTSIDE_LOG_COVERAGE',
  'COVERAGE_UNKNOWN',
  'UNLAWFUL_STATED_PURPOSE',
  'UNREADABLE_SIDECAR',
  'UNCONFIRMED_LABEL',
  'REVIEWED_KEEP',
  'REVIEWED_DELETE',
] as const satisfies readonly ReasonCode[];

// Compile-time guards: adding a Category or ReasonCode in audit/types.ts without listing it here
// fails the typecheck instead of silently rejecting valid packs and outcome maps.
type Missing<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : Exclude<All, Listed>;
const _allCategoriesListed: Missing<Category, (typeof CATEGORY_CODES)[number]> = true;
const _allReasonsListed: Missing<ReasonCode, (typeof REASON_CODES)[number]> = true;

const text = z.string().trim().min(1);

export const citationSchema = z.strictObject({
  id: text,
  textSl: text,
  textEn: text,
  status: z
    .enum(['confirmed', 'secondary', 'unconfirmed'])
    .describe(
      "confirmed: read in the official text or the authority's own decision; secondary: rests on a blog or summary; unconfirmed: part of it is open.",
    ),
  source: text.describe('Where the text was confirmed: a source id or URL from the legal briefing.'),
});

export const categoryDefinitionSchema = z.strictObject({
  code: z.enum(DEFINABLE_CATEGORY_CODES),
  labelSl: text,
  labelEn: text,
  qualifies: z.enum(['yes', 'no', 'review']),
  vocabulary: z
    .array(text)
    .describe(
      'Phrases of word stems, matched by prefix against normalised label words; the longest match wins.',
    ),
  citationIds: z.array(text),
  suggestsHold: z
    .enum(HOLD_TYPES)
    .optional()
    .describe('The legal hold the DPO should consider for calls of this category.'),
});

/** An ISO 8601 duration such as P3Y or P18M; luxon is the judge of validity, as for holds. */
export const isoDurationSchema = z
  .string()
  .regex(/^P(?!$)[0-9YMWDTHS.]+$/, 'an ISO 8601 duration such as P3Y')
  .refine((value) => Duration.fromISO(value).isValid, 'an ISO 8601 duration such as P3Y');

const retentionSchema = z.strictObject({
  periods: z
    .partialRecord(z.enum(DEFINABLE_CATEGORY_CODES), isoDurationSchema)
    .describe('How long a recording may be kept after its qualifying event, per category.'),
  graceDays: z
    .number()
    .int()
    .min(0)
    .describe('Days the deletion job may lag behind the deadline before RETENTION_EXPIRED.'),
  status: z
    .enum(['confirmed', 'unconfirmed'])
    .describe('unconfirmed until the DPO has confirmed the periods against the law.'),
  basisSl: text,
  basisEn: text,
  citationIds: z.array(text),
});

export const policyPackSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
    version: z.string().regex(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/, 'a semantic version such as 1.0.0'),
    jurisdiction: text,
    description: text,
    categories: z.array(categoryDefinitionSchema).min(1),
    negations: z.array(text),
    topicMarkers: z
      .array(text)
      .optional()
      .describe(
        'Phrases of word stems that make a qualifying word in the same label part only the topic of the call (review).',
      ),
    reasonCitations: z.partialRecord(z.enum(REASON_CODES), z.array(text)),
    holdCitations: z
      .partialRecord(z.enum(HOLD_TYPES), z.array(text))
      .optional()
      .describe('Citations of each hold type; LEGAL_HOLD cites those of the active holds.'),
    citations: z.record(text, citationSchema),
    retention: retentionSchema,
    noticeMissing: z
      .enum(['review', 'violation'])
      .optional()
      .describe(
        'Verdict when the notice column says the caller was not told: review (default) or violation, after checking how the column is filled.',
      ),
  })
  .superRefine((pack, ctx) => {
    const issue = (path: PropertyKey[], message: string): void => {
      ctx.addIssue({ code: 'custom', path, message });
    };

    for (const [key, citation] of Object.entries(pack.citations)) {
      if (citation.id !== key)
        issue(['citations', key, 'id'], `id "${citation.id}" differs from its key "${key}"`);
    }
    const cited = (path: PropertyKey[], ids: string[]): void => {
      ids.forEach((id, i) => {
        if (!Object.hasOwn(pack.citations, id))
          issue([...path, i], `citation "${id}" is not defined in citations`);
      });
    };
    for (const [reason, ids] of Object.entries(pack.reasonCitations)) {
      if (ids) cited(['reasonCitations', reason], ids);
    }
    for (const [type, ids] of Object.entries(pack.holdCitations ?? {})) {
      if (ids) cited(['holdCitations', type], ids);
    }
    cited(['retention', 'citationIds'], pack.retention.citationIds);
    // A qualifying category without a period would leave its recordings without a deadline.
    for (const def of pack.categories) {
      if (def.qualifies === 'yes' && pack.retention.periods[def.code] === undefined)
        issue(
          ['retention', 'periods', def.code],
          `qualifying category "${def.code}" has no retention period`,
        );
    }

    const negations = new Set<string>();
    pack.negations.forEach((word, i) => {
      const tokens = tokenise(normaliseLabel(word));
      if (tokens.length !== 1) {
        issue(['negations', i], `"${word}" must be a single word`);
      } else {
        negations.add(tokens[0] as string);
      }
    });

    const codes = new Set<string>();
    const phraseOwner = new Map<string, string>();
    pack.categories.forEach((def, c) => {
      if (codes.has(def.code)) issue(['categories', c, 'code'], `category "${def.code}" is defined twice`);
      codes.add(def.code);
      cited(['categories', c, 'citationIds'], def.citationIds);

      def.vocabulary.forEach((raw, v) => {
        const path = ['categories', c, 'vocabulary', v];
        const phrase = normaliseLabel(raw);
        if (phrase === '') {
          issue(path, `"${raw}" has no letters or digits`);
          return;
        }
        // The same phrase in two categories always ties, so it could never decide anything.
        const owner = phraseOwner.get(phrase);
        if (owner !== undefined && owner !== def.code) {
          issue(path, `"${raw}" is also in category "${owner}"`);
        }
        phraseOwner.set(phrase, def.code);
        // A qualifying phrase that contains a negation is always overruled by the negation rule.
        const negation = tokenise(phrase).find((t) => negations.has(t));
        if (def.qualifies !== 'no' && negation !== undefined) {
          issue(
            path,
            `"${raw}" contains the negation "${negation}", so it can never classify as ${def.code}`,
          );
        }
      });
    });
  });

/**
 * Validates untrusted pack data (a built-in file or one a DPO supplies) and returns it typed.
 * `source` names the file in the error.
 */
export function parsePolicyPack(data: unknown, source: string): PolicyPack {
  const parsed = policyPackSchema.safeParse(data);
  if (parsed.success) {
    // The schema pointer is editor help, not policy: it must not change the pack's hash.
    const { $schema: _schema, ...pack } = parsed.data;
    return pack;
  }
  const shown = parsed.error.issues.slice(0, 10).map((i) => `  ${formatPath(i.path)}: ${i.message}`);
  const more = parsed.error.issues.length - shown.length;
  if (more > 0) shown.push(`  … and ${more} more`);
  throw new CallauditError(
    'POLICY_PACK_INVALID',
    `policy pack is not valid:\n${shown.join('\n')}`,
    'Fix the listed fields of the policy pack, or start from the built-in si-ip-akos pack.',
    source,
  );
}

function formatPath(path: PropertyKey[]): string {
  if (path.length === 0) return '(pack)';
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}
