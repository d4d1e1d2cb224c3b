import { deletionManifestReporter } from './deletion-manifest.js';
import { findingsCsvReporter } from './findings-csv.js';
import { htmlReporter } from './html/html-report.js';
import { jsonReporter } from './json.js';
import { junitReporter } from './junit.js';
import { markdownReporter } from './markdown.js';
import type { Reporter } from './reporter.js';

export const REPORTERS: Record<string, Reporter> = {
  json: jsonReporter,
  csv: findingsCsvReporter,
  manifest: deletionManifestReporter,
  html: htmlReporter,
  md: markdownReporter,
  junit: junitReporter,
};
