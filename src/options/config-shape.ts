import { z } from 'zod';
import { helpText, type OptionModel, type OptionSpec } from './spec.js';

type ZodOf<S> = S extends { config: infer Z extends z.ZodType } ? z.ZodOptional<Z> : never;

/** The model's config keys, each optional and described by its help text. */
export type ConfigShape<M> = {
  [
    K in keyof M as M[K] extends { config: z.ZodType; sourceOnly: true }
      ? never
      : M[K] extends { config: z.ZodType }
        ? K
        : never
  ]: ZodOf<M[K]>;
};

/** The keys of an `archives[]` or `callLogs[]` entry, under their names there. */
export type SourceShape<M, Kind extends 'archive' | 'callLog'> = {
  [
    K in keyof M as M[K] extends { config: z.ZodType; sources: { [P in Kind]: infer N extends string } }
      ? N
      : never
  ]: ZodOf<M[K]>;
};

function described(spec: OptionSpec): z.ZodType {
  return spec.config!.optional().describe(helpText(spec));
}

export function configShape<M extends OptionModel>(model: M): ConfigShape<M> {
  return Object.fromEntries(
    Object.entries(model)
      .filter(([, spec]) => spec.config !== undefined && !spec.sourceOnly)
      .map(([key, spec]) => [key, described(spec)]),
  ) as ConfigShape<M>;
}

export function sourceShape<M extends OptionModel, Kind extends 'archive' | 'callLog'>(
  model: M,
  kind: Kind,
): SourceShape<M, Kind> {
  return Object.fromEntries(
    Object.values(model)
      .filter((spec) => spec.config !== undefined && spec.sources?.[kind] !== undefined)
      .map((spec) => [spec.sources![kind]!, described(spec)]),
  ) as SourceShape<M, Kind>;
}
