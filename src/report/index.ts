import { deletionManifestReporter } from './deletion-manifest.js';
import { findingsCsvReporter } from './findings-csv.js';
import { jsonReporter } from './json.js';
import type { Reporter } from './reporter.js';

export const REPORTERS: Record<string, Reporter> = {
  json: jsonReporter,
  csv: findingsCsvReporter,
  manifest: deletionManifestReporter,
};

export const DEFAULT_FORMATS = ['json', 'csv', 'manifest'];
