import { Option } from 'commander';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { AuditFlags } from '../../src/config/resolve-plan.js';
import type { LabelsFlags } from '../../src/config/labels-plan.js';
import type { FlagsOf } from '../../src/options/flag-types.js';
import { choiceOf } from '../../src/options/choice-of.js';
import { OPTIONS } from '../../src/options/options.js';
import type { OptionSpec } from '../../src/options/spec.js';
import { errorOf } from '../support/error-of.js';

const MODEL = OPTIONS as Record<string, OptionSpec>;

/** The rule FlagsOf encodes in types: the long flag in camelCase, without `no-`. */
function attributeByTheTypesRule(flags: string): string {
  const long = /--([a-z0-9-]+)/.exec(flags)![1]!.replace(/^no-/, '');
  return long.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

describe('flag types derived from the options model', () => {
  it('name every flag as commander stores it', () => {
    const flagged = Object.values(MODEL).filter((spec) => spec.flags !== undefined);
    expect(flagged.length).toBeGreaterThan(50);
    for (const spec of flagged) {
      expect(attributeByTheTypesRule(spec.flags!), spec.flags).toBe(new Option(spec.flags!).attributeName());
    }
  });

  it('give each flag the type of value commander hands over', () => {
    expectTypeOf<AuditFlags['crm']>().toEqualTypeOf<string[] | undefined>();
    expectTypeOf<AuditFlags['noticeMissing']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<AuditFlags['cache']>().toEqualTypeOf<string | boolean | undefined>();
    expectTypeOf<AuditFlags['hash']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<LabelsFlags['writeMap']>().toEqualTypeOf<string | undefined>();
  });

  it('hold exactly the flags of the command', () => {
    expectTypeOf<keyof FlagsOf<'purge'>>().toEqualTypeOf<
      | 'root'
      | 'execute'
      | 'operator'
      | 'quarantine'
      | 'holds'
      | 'timezone'
      | 'log'
      | 'report'
      | 'allowUnhashed'
      | 'resume'
      | 'keepOtherVersions'
      | 's3Endpoint'
      | 's3Region'
      | 's3ForcePathStyle'
      | 'profile'
      | 'yes'
      | 'json'
    >();
    expectTypeOf<AuditFlags>().not.toHaveProperty('operator');
    expectTypeOf<LabelsFlags>().not.toHaveProperty('cdr');
  });
});

describe('choiceOf, the one check of a value against its option’s choices', () => {
  it('accepts a listed value and names the flag and the choices otherwise', () => {
    expect(choiceOf('noticeMissing', 'violation')).toBe('violation');
    expect(choiceOf('delimiter', 'tab')).toBe('tab');
    const error = errorOf(() => choiceOf('lang', 'de', 'a hint'));
    expect(error).toMatchObject({
      code: 'BAD_FLAG',
      message: '--lang must be one of en, sl, not "de"',
      hint: 'a hint',
    });
  });

  it('checks against the same list commander offers', () => {
    for (const key of ['noticeMissing', 'labels', 'lang', 'encoding', 'delimiter', 'failOn'] as const) {
      for (const choice of MODEL[key]!.choices!) expect(choiceOf(key, choice)).toBe(choice);
      expect(() => choiceOf(key, 'none-of-these')).toThrow(/must be one of/);
    }
  });
});
