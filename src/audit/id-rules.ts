import type { Rule } from './judge-context.js';

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
        explanation: `The sources of the call ID disagree (${conflict.message}); a human must decide which call this recording belongs to.`,
      };
    }
    const sidecar = problems.find((p) => p.code === 'UNREADABLE_SIDECAR');
    if (sidecar) {
      return {
        verdict: 'review',
        reason: 'UNREADABLE_SIDECAR',
        explanation: `${sidecar.message} Its call ID cannot be confirmed; fix or restore the sidecar, or review the recording.`,
      };
    }
    return null;
  },
};
