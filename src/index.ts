export { runAudit } from './run-audit.js';
export { resolvePlan } from './config/resolve-plan.js';
export type { AuditPlan } from './config/settings.js';
export type { AuditResult } from './audit/result.js';
export type { Finding, Recording, CallEvent, Verdict, ReasonCode, Category } from './audit/types.js';
export { REPORTERS } from './report/index.js';
