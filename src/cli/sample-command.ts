import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { withOptions } from '../options/commander.js';
import { CallauditError } from '../errors.js';
import { readInputFile } from '../input-file.js';
import { checkSample, parseCheckedSample, renderSampleCheck } from '../review/sample-check.js';
import { renderSampleCsv, renderSampleHtml } from '../review/sample-files.js';
import { packOfReport, qualifyingCategories } from '../review/report-pack.js';
import { drawSample, type Strata } from '../review/sample.js';
import type { CommandIo } from './audit-command.js';
import { EXIT_FINDINGS } from './exit-code.js';
import { checkOutputLocations } from './output-locations.js';
import { readReport } from './read-report.js';
import { writeFileAtomically } from './write-atomically.js';

interface SampleOptions {
  report?: string;
  size?: string;
  per?: Strata;
  seed?: string;
  out?: string;
  redact?: boolean;
  check?: string;
}

function wholeNumber(flag: string, value: string | undefined, min: number): number {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < min)
    throw new CallauditError(
      'BAD_FLAG',
      `${flag} must be a whole number of at least ${min}, not "${value ?? ''}"`,
      `e.g. ${flag} ${flag === '--seed' ? '20261128' : '50'}`,
    );
  return n;
}

export function sampleCommand(io: CommandIo): Command {
  return withOptions(
    new Command('sample').description(
      'Draw a stratified, reproducible listening sample of the compliant and violation findings (sample.csv, sample.html), or summarise a filled-in sample with --check.',
    ),
    'sample',
  ).action((options: SampleOptions) => {
    if (options.check) {
      const file = options.check;
      const check = checkSample(parseCheckedSample(readInputFile(file, SAMPLE_FILE).toString('utf8'), file));
      io.stdout(renderSampleCheck(check));
      if (check.compliantContradicted > 0) io.setExitCode(EXIT_FINDINGS);
      return;
    }
    if (!options.report)
      throw new CallauditError(
        'BAD_FLAG',
        'sample needs --report <report.json> (or --check <sample.csv>)',
        'e.g. callaudit sample --report out/report.json --seed 7',
      );
    const report = readReport(options.report, 'report given with --report');
    const size = wholeNumber('--size', options.size, 1);
    const seed = wholeNumber('--seed', options.seed, 0);
    const out = options.out!;
    const files = [path.join(out, 'sample.csv'), path.join(out, 'sample.html')];
    checkOutputLocations({
      outDir: out,
      files,
      cache: null,
      roots: report.inputs.roots.map((r) => r.path),
      inputs: [options.report],
    });
    const qualifying = qualifyingCategories(packOfReport(report.policy.id));
    const sample = drawSample(report.recordings, size, seed, options.per ?? 'default', qualifying);
    const runId = report.runId ?? 'unknown';
    const redact = options.redact !== false;
    mkdirSync(out, { recursive: true });
    writeFileAtomically(files[0]!, [renderSampleCsv(sample, runId, redact)]);
    writeFileAtomically(files[1]!, [renderSampleHtml(sample, runId, out, redact)]);
    const short = sample.plan.filter((p) => p.sampled > 0).length;
    io.stdout(
      `${sample.recordings.length} recording(s) from ${short} strat${short === 1 ? 'um' : 'a'} (seed ${seed}) written to ${files.join(' and ')}\n`,
    );
  });
}

const SAMPLE_FILE = {
  code: 'SAMPLE_UNREADABLE',
  what: 'the sample file',
  hint: 'give the sample.csv written by callaudit sample, filled in',
};
