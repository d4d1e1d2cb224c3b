import type { Rule } from './judge-context.js';
import { message } from './messages.js';

/**
 * Call-ID trouble found in tags and sidecars. Either one means the join key cannot be trusted,
 * so a human looks before anything is deleted; the audit of other recordings goes on.
 */
export const CALL_ID_TRUST_RULE: Rule = {
  id: 'trusted-call-id',
  description: 'The call ID must not be contradicted by another source, and its sidecar must be readable.',
  apply: ({ recording }) => {
    const problems = recording.idProblems ?? [];
    const conflict = problems.find((p) => p.code === 'CONFLICTING_CALL_ID');
    if (conflict) {
      return {
        verdict: 'review',
        reason: 'CONFLICTING_CALL_ID',
        message: message('CONFLICTING_CALL_ID', { detail: conflict.message }),
      };
    }
    const sidecar = problems.find((p) => p.code === 'UNREADABLE_SIDECAR');
    if (sidecar) {
      return {
        verdict: 'review',
        reason: 'UNREADABLE_SIDECAR',
        message: message('UNREADABLE_SIDECAR', { detail: sidecar.message }),
      };
    }
    return null;
  },
};
