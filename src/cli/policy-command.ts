import { Command } from 'commander';
import { withOptions } from '../options/commander.js';
import path from 'node:path';
import { findConfigFile, loadConfigFile } from '../config/config-file.js';
import { policyFromConfig } from '../config/engine-plan.js';
import { DEFAULTS } from '../config/settings.js';
import { withRetentionOverrides } from '../policy/extend-pack.js';
import { packSha256 } from '../policy/load-pack.js';
import { loadPolicy } from '../policy/load-pack-file.js';
import { renderPolicy } from '../report/policy-text.js';
import type { CommandIo } from './audit-command.js';

export function policyCommand(io: CommandIo): Command {
  return withOptions(
    new Command('policy').description(
      'Print the effective policy pack (categories, retention, citations and their status) for the DPO to sign off.',
    ),
    'policy',
  ).action((options: { policy?: string; json?: boolean; config?: string }) => {
    const configFile = findConfigFile(options.config, process.cwd());
    const loaded = configFile ? loadConfigFile(configFile) : null;
    const configPolicy = loaded?.config.policy;
    const reference =
      options.policy ??
      (loaded && configPolicy
        ? policyFromConfig(configPolicy, (p) => path.relative(process.cwd(), path.resolve(loaded.dir, p)))
        : DEFAULTS.policy);
    const pack = withRetentionOverrides(
      loadPolicy(reference),
      loaded?.config.retention ?? {},
      loaded?.file ?? 'config',
    );
    const sha256 = packSha256(pack);
    io.stdout(
      options.json
        ? `${JSON.stringify({ policy: { id: pack.id, version: pack.version, sha256 }, pack }, null, 2)}\n`
        : renderPolicy(pack, sha256),
    );
  });
}
