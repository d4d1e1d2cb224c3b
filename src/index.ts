export { runAudit } from './run-audit.js';
export { resolvePlan } from './config/resolve-plan.js';
export type { AuditPlan } from './config/settings.js';
export type { AuditResult } from './audit/result.js';
export type { Finding, Recording, CallEvent, Verdict, ReasonCode, Category } from './audit/types.js';
export { REPORTERS } from './report/index.js';
export { purge, type PurgeOptions, type PurgeReport } from './remediation/purge.js';
export { restore, type RestoreOptions, type RestoreReport } from './remediation/restore.js';
export { verifyLogText } from './remediation/log-verify.js';
