/** The closed value lists of options; commander, the config schema and the resolvers all check against these. */
export const ENCODINGS = ['auto', 'utf-8', 'windows-1250', 'utf-16le'] as const;
export const DELIMITERS = ['auto', ',', ';', 'tab'] as const;
export const FAIL_ON = ['violation', 'review', 'review-overdue', 'never'] as const;
export const ID_SOURCES = ['filename', 'path', 'tag', 'sidecar'] as const;
export type IdFrom = (typeof ID_SOURCES)[number];
/** What a call log saying "notice not given" leads to; `violation` is the DPO's explicit choice. */
export const NOTICE_MISSING = ['review', 'violation'] as const;
export type NoticeMissing = (typeof NOTICE_MISSING)[number];
