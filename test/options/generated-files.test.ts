import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configJsonSchemaText } from '../../src/config/json-schema.js';
import { renderCliDoc } from '../../src/options/cli-doc.js';
import { OPTIONS } from '../../src/options/options.js';
import type { OptionSpec } from '../../src/options/spec.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const committed = (file: string) => readFileSync(path.join(REPO, file), 'utf8');

describe('files generated from the options model (regenerate with `npm run schema`)', () => {
  it('docs/cli.md is what the model generates', () => {
    expect(committed('docs/cli.md')).toBe(renderCliDoc());
  });

  it('schema/callaudit.config.schema.json is what the model generates', () => {
    expect(committed('schema/callaudit.config.schema.json')).toBe(configJsonSchemaText());
  });

  it('docs/cli.md names every flag and every config key', () => {
    const doc = renderCliDoc();
    for (const [key, spec] of Object.entries(OPTIONS as Record<string, OptionSpec>)) {
      if (spec.flags) expect(doc, key).toContain(`\`${spec.flags.replace(/\|/g, '\\|')}\``);
      if (spec.config || spec.flags === undefined) expect(doc, key).toContain(`\`${key}\``);
    }
  });

  it('lists keys of source entries only apart from the top-level keys, each once', () => {
    const doc = renderCliDoc();
    const topLevel = doc.slice(doc.indexOf('## Config-file keys without a flag'), doc.indexOf('An entry of'));
    for (const key of ['file', 'type', 'url', 'table', 'query']) expect(topLevel).not.toContain(`\`${key}\``);
    const callLogEntry = doc.split('\n').find((line) => line.startsWith('An entry of `callLogs[]`'))!;
    expect(callLogEntry.match(/`file`/g)).toHaveLength(1);
    expect(callLogEntry).toContain('`preset` (top-level `crmPreset`)');
  });
});
