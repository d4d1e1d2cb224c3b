import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { starterConfig } from '../../src/cli/init-command.js';
import { parseConfigText } from '../../src/config/config-file.js';
import { configJsonSchemaText } from '../../src/config/json-schema.js';
import { errorOf } from '../support/error-of.js';
import { RECORDING_PRESET_NAMES } from '../../src/presets/recording/index.js';

const REPO = path.resolve(import.meta.dirname, '../..');

describe('the published JSON Schema', () => {
  it('is exactly what the zod schema generates (run `npm run schema` after changing settings.ts)', () => {
    const published = readFileSync(path.join(REPO, 'schema/callaudit.config.schema.json'), 'utf8');
    expect(published).toBe(configJsonSchemaText());
  });

  it('offers the preset names for autocompletion', () => {
    const schema = JSON.parse(configJsonSchemaText());
    expect(schema.properties.preset.enum).toEqual(RECORDING_PRESET_NAMES);
    expect(schema.properties.archives.items.properties.root.type).toBe('string');
    // A call log is a `file`, or a database `url` ("type": "sql"); sources.ts asks for one of them.
    expect(schema.properties.callLogs.items.required).toBeUndefined();
    expect(Object.keys(schema.properties.callLogs.items.properties)).toEqual(
      expect.arrayContaining(['file', 'type', 'url', 'table', 'query', 'sheet', 'headerRow', 'records']),
    );
    expect(schema.additionalProperties).toBe(false);
  });
});

describe('config files with several sources', () => {
  it('names the JSON path and suggests the key meant for a misspelt key inside archives[]', () => {
    const error = errorOf(() =>
      parseConfigText(JSON.stringify({ archives: [{ root: 'a', prest: 'freepbx' }] }), 'c.json'),
    );
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toContain('archives.0.prest: unknown key (did you mean "preset"?)');
  });

  it('suggests callLogs keys inside callLogs[] and reports a wrong type with its path', () => {
    const error = errorOf(() =>
      parseConfigText(
        JSON.stringify({ callLogs: [{ file: 'x.csv', dateFromat: 'dd.MM.yyyy' }, { file: 3 }] }),
        'c.json',
      ),
    );
    expect(error.message).toContain('callLogs.0.dateFromat: unknown key (did you mean "dateFormat"?)');
    expect(error.message).toMatch(/callLogs\.1\.file: .*(string|expected)/);
  });

  it('rejects an unknown preset name, listing the valid ones', () => {
    const error = errorOf(() => parseConfigText(JSON.stringify({ preset: 'freepx' }), 'c.json'));
    expect(error.message).toContain('preset');
    expect(error.message).toContain('freepbx');
  });

  it.each(RECORDING_PRESET_NAMES)('init --preset %s writes a config the schema accepts', (name) => {
    const config = starterConfig(name, 'salesforce-task');
    expect(() => parseConfigText(JSON.stringify(config), 'starter.json')).not.toThrow();
    expect(config).toMatchObject({ archives: [{ preset: name }] });
  });

  it('accepts the committed multi-source fixture', () => {
    const text = readFileSync(path.join(REPO, 'fixtures/config-multi/.callauditrc.json'), 'utf8');
    const config = parseConfigText(text, '.callauditrc.json');
    expect(config.archives).toHaveLength(2);
    expect(config.callLogs).toHaveLength(3);
  });
});
