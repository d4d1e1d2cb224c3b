import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { describeIdRule } from '../archive/id-rule.js';
import { sha256OfFile } from '../archive/sha256-file.js';
import { explainRecording, type Explanation } from '../audit/explain.js';
import { normaliseCallId } from '../audit/join.js';
import type { AuditResult } from '../audit/result.js';
import { findConfigFile, loadConfigFile } from '../config/config-file.js';
import { planFromReport } from '../config/report-plan.js';
import { resolveRenderOptions, type ReportFlags } from '../config/report-options.js';
import { resolvePlan, type AuditFlags } from '../config/resolve-plan.js';
import type { AuditPlan } from '../config/settings.js';
import type { ReportLang } from '../report/reporter.js';
import { CallauditError } from '../errors.js';
import { renderExplanation } from '../report/explain-text.js';
import { catalogue } from '../report/messages/render.js';
import { runAudit } from '../run-audit.js';
import { withOptions } from '../options/commander.js';
import type { CommandIo } from './audit-command.js';
import { changesSinceAudit } from './explain-changes.js';
import { readReport } from './read-report.js';

type ExplainFlags = AuditFlags & ReportFlags & { json?: boolean; config?: string; report?: string };

function isFile(target: string): boolean {
  return existsSync(target) && statSync(target).isFile();
}

interface ExplainSetup {
  plan: AuditPlan;
  /** How the user gave an ID pattern that is not a preset's, per archive (by index), for the evidence line. */
  patternOrigin: (archive: number) => string;
  report: AuditResult | null;
  /** The config file's `lang`, if one was read. */
  configLang: string | undefined;
}

/**
 * Flags that still mean something beside --report: how to show the result, and how to reach object
 * storage (report.json records no endpoint or profile). Every other setting comes from the report.
 */
const WITH_REPORT = new Set([
  'report',
  'json',
  'lang',
  'color',
  's3Endpoint',
  's3Region',
  's3ForcePathStyle',
  'profile',
]);

/** The options the user gave (not commander's defaults), as flags. */
function givenFlags(command: Command): string[] {
  return Object.keys(command.opts())
    .filter((key) => command.getOptionValueSource(key) === 'cli' && !WITH_REPORT.has(key))
    .map((key) => command.options.find((o) => o.attributeName() === key)?.long ?? key);
}

/** The audit to explain within: a saved report's settings, or flags and config file as `audit` reads them. */
export function setUp(
  target: string,
  roots: string[],
  options: ExplainFlags,
  command: Command,
): ExplainSetup {
  if (options.report !== undefined) {
    if (roots.length > 0) {
      throw new CallauditError(
        'BAD_FLAG',
        `--report takes the archive roots from the report; do not also give ${roots.join(', ')}`,
        'drop the roots, or drop --report and give every setting again',
      );
    }
    const ignored = givenFlags(command);
    if (ignored.length > 0) {
      throw new CallauditError(
        'BAD_FLAG',
        `--report takes every setting from the report; ${ignored.join(', ')} would be ignored`,
        'drop them to explain within the saved audit, or drop --report and give every setting again',
      );
    }
    const report = readReport(options.report, 'report');
    const saved = planFromReport(report, options.report);
    return {
      plan: {
        ...saved,
        s3: {
          endpoint: options.s3Endpoint ?? null,
          region: options.s3Region ?? null,
          forcePathStyle: options.s3ForcePathStyle ?? false,
          profile: options.profile ?? null,
        },
      },
      patternOrigin: (i) =>
        saved.archives[i]?.idPattern === report.settings['idPattern']
          ? 'report.json settings.idPattern'
          : `report.json settings.archives[${i}].idPattern`,
      report,
      configLang: undefined,
    };
  }
  const configFile = findConfigFile(options.config, process.cwd());
  const loaded = configFile ? loadConfigFile(configFile) : null;
  const fallbackRoots =
    roots.length === 0 && !loaded?.config.roots && !loaded?.config.archives && isFile(target)
      ? [path.dirname(target)]
      : roots;
  // explain writes nothing, not even the probe cache an audit keeps; it shows no hashes either.
  const plan = { ...resolvePlan(fallbackRoots, options, loaded), cache: null, hash: false };
  const configArchives = loaded?.config.archives;
  const patternOrigin = (i: number) =>
    options.idPattern !== undefined || !configFile
      ? '--id-pattern'
      : configArchives?.[i]?.idPattern !== undefined
        ? `archives[${i}].idPattern of ${path.basename(configFile)}`
        : `idPattern of ${path.basename(configFile)}`;
  return { plan, patternOrigin, report: null, configLang: loaded?.config.lang };
}

export function explainCommand(io: CommandIo): Command {
  return withOptions(
    new Command('explain')
      .description(
        'Show the whole reasoning for one recording: call ID, candidate events, each rule in order, verdict and legal text. Writes nothing.',
      )
      .argument('<path-or-call-id>', 'a recording file, its path relative to an archive root, or a call ID')
      .argument('[archive-roots...]', 'folders of call recordings (default: the folder of the file given)'),
    'explain',
  ).action(async (target: string, roots: string[], options: ExplainFlags, command: Command) => {
    const { plan, patternOrigin, report, configLang } = setUp(target, roots, options, command);
    const targetIsFile = isFile(target);
    const wanted = normaliseCallId(target);
    const matches = (root: string, relative: string, callId: string | null) =>
      targetIsFile
        ? path.resolve(root, relative) === path.resolve(target)
        : relative === target || (callId !== null && normaliseCallId(callId) === wanted);
    const archiveIndex = (root: string) =>
      Math.max(
        0,
        plan.archives.findIndex((a) => a.root === root),
      );
    const judged: Array<Parameters<typeof explainRecording>> = [];
    const result = await runAudit(plan, {
      warn: (message) => io.stderr(`warning ${message}\n`),
      onJudged: (recording, events, policy) => {
        if (matches(recording.root, recording.path, recording.callId))
          judged.push([recording, events, policy, '']);
      },
    });
    // JSON is for machines: its phrases stay English whatever --lang says.
    const lang = options.json
      ? 'en'
      : resolveRenderOptions(options, { lang: configLang }, result.policy.id).lang;
    const explanations: Explanation[] = judged.map(([recording, events, policy]) => {
      const idRule = describeIdRule(
        {
          idSource: recording.idSource,
          archive: plan.archives[archiveIndex(recording.root)]!,
          patternOrigin: patternOrigin(archiveIndex(recording.root)),
        },
        catalogue(lang).explain.idRules,
      );
      return explainRecording(recording, events, policy, idRule);
    });
    if (explanations.length === 0) {
      throw new CallauditError(
        'NOT_FOUND',
        `no recording in ${plan.archives.map((a) => a.root).join(', ')} is ${targetIsFile ? 'the file' : 'at the path or has the call ID'} "${target}"`,
        'give a recording file, its path relative to the archive root, or its call ID; check --id-pattern',
      );
    }
    const changes = report ? await changesOf(report, result, explanations, lang) : null;
    if (options.json) {
      const since = report ? { audit: { generatedAt: report.generatedAt, changes } } : {};
      io.stdout(
        `${JSON.stringify({ policy: result.policy, ...since, recordings: explanations }, null, 2)}\n`,
      );
      return;
    }
    io.stdout(explanations.map((x) => renderExplanation(x, result.policy, lang, plan.timezone)).join('\n'));
    if (report && changes) io.stdout(renderChanges(report, options.report!, changes, lang));
  });
}

async function changesOf(
  report: AuditResult,
  result: Awaited<ReturnType<typeof runAudit>>,
  explanations: readonly Explanation[],
  lang: ReportLang,
): Promise<string[]> {
  const recordings = explanations.map((x) => ({ ...x.recording, verdict: x.verdict, reason: x.reason }));
  const hashes = new Map<string, string>();
  const hashedThen = new Set(report.recordings.filter((f) => f.sha256).map((f) => `${f.root}\0${f.path}`));
  for (const r of recordings) {
    const key = `${r.root}\0${r.path}`;
    if (!hashedThen.has(key)) continue;
    // A recording that is gone or unreadable is reported by the size and mtime comparison.
    const digest = await sha256OfFile(path.join(r.root, r.path)).catch(() => null);
    if (digest) hashes.set(key, digest.sha256);
  }
  return changesSinceAudit(report, result, recordings, hashes, catalogue(lang).explain.changes);
}

function renderChanges(
  report: AuditResult,
  file: string,
  changes: readonly string[],
  lang: ReportLang,
): string {
  const words = catalogue(lang).explain;
  const head = `\n${words.sinceAudit(report.generatedAt, file)}`;
  if (changes.length === 0) return `${head}\n  ${words.noInputChanged}\n`;
  return `${head}\n${changes.map((c) => `  ${words.changed}  ${c}`).join('\n')}\n`;
}
