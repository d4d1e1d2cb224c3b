import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { explainRecording, type Explanation } from '../audit/explain.js';
import { normaliseCallId } from '../audit/join.js';
import { findConfigFile, loadConfigFile } from '../config/config-file.js';
import { resolveRenderOptions, type ReportFlags } from '../config/report-options.js';
import { resolvePlan, type AuditFlags } from '../config/resolve-plan.js';
import { CallauditError } from '../errors.js';
import { renderExplanation } from '../report/explain-text.js';
import { runAudit } from '../run-audit.js';
import { withOptions } from '../options/commander.js';
import type { CommandIo } from './audit-command.js';

function isFile(target: string): boolean {
  return existsSync(target) && statSync(target).isFile();
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
  ).action(
    async (
      target: string,
      roots: string[],
      options: AuditFlags & ReportFlags & { json?: boolean; config?: string },
    ) => {
      const configFile = findConfigFile(options.config, process.cwd());
      const loaded = configFile ? loadConfigFile(configFile) : null;
      const targetIsFile = isFile(target);
      const fallbackRoots =
        roots.length === 0 && !loaded?.config.roots && targetIsFile ? [path.dirname(target)] : roots;
      // explain writes nothing, not even the probe cache an audit keeps in its output folder.
      const plan = { ...resolvePlan(fallbackRoots, options, loaded), cache: null };

      const wanted = normaliseCallId(target);
      const matches = (root: string, relative: string, callId: string | null) =>
        targetIsFile
          ? path.resolve(root, relative) === path.resolve(target)
          : relative === target || (callId !== null && normaliseCallId(callId) === wanted);
      const idRule =
        plan.topLevel.idPattern === null
          ? 'the file name without its extension'
          : `--id-pattern ${plan.topLevel.idPattern}`;
      const explanations: Explanation[] = [];
      const result = await runAudit(plan, {
        warn: (message) => io.stderr(`warning ${message}\n`),
        onJudged: (recording, events, policy) => {
          if (matches(recording.root, recording.path, recording.callId))
            explanations.push(explainRecording(recording, events, policy, idRule));
        },
      });
      if (explanations.length === 0) {
        throw new CallauditError(
          'NOT_FOUND',
          `no recording in ${plan.archives.map((a) => a.root).join(', ')} is ${targetIsFile ? 'the file' : 'at the path or has the call ID'} "${target}"`,
          'give a recording file, its path relative to the archive root, or its call ID; check --id-pattern',
        );
      }
      if (options.json) {
        io.stdout(`${JSON.stringify({ policy: result.policy, recordings: explanations }, null, 2)}\n`);
      } else {
        const { lang } = resolveRenderOptions(options, loaded?.config, result.policy.id);
        io.stdout(
          explanations.map((x) => renderExplanation(x, result.policy, lang, plan.timezone)).join('\n'),
        );
      }
    },
  );
}
