import { z } from 'zod';
import { configFileSchema } from './settings.js';

/**
 * The JSON Schema of callaudit.config.json, generated from the zod schema that validates it, so
 * editors autocomplete exactly what the CLI accepts. schema/callaudit.config.schema.json is this
 * output; a test fails when the two drift apart (regenerate with `npm run schema`).
 */
function configJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(configFileSchema, { io: 'input' }) as Record<string, unknown>;
  return {
    $schema: generated.$schema,
    $id: 'https://github.com/callaudit/callaudit/schema/callaudit.config.schema.json',
    title: 'callaudit config file',
    description:
      'Settings of callaudit audit: the flags in camelCase, plus archives[] and callLogs[] for several sources. Paths are relative to the config file.',
    ...Object.fromEntries(Object.entries(generated).filter(([key]) => key !== '$schema')),
  };
}

export function configJsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
