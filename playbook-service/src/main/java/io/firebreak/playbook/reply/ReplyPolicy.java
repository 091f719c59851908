package io.firebreak.playbook.reply;

import io.firebreak.playbook.playbook.PlaybookDefinition.ReplyApproval;

/**
 * What sending a reply leads to. REFUSED: the tone check did not find it approvable (nobody may send it as it is);
 * BY_POLICY: it goes out now, on the playbook's word (its exact template, found courteous); APPROVER: someone other
 * than the author must approve it.
 */
public final class ReplyPolicy {

    public enum Outcome { REFUSED, BY_POLICY, APPROVER }

    /** Recorded as the approver of a reply the policy let out. */
    public static final String POLICY_TEMPLATE = "policy:template";

    private static final String COURTEOUS = "COURTEOUS";

    private ReplyPolicy() {
    }

    /**
     * {@code toneVerdict}: COURTEOUS, NEEDS_REVIEW (minor findings an approver reads), REFUSED or anything else
     * (unknown verdicts block, as for statements).
     */
    public static Outcome onSend(ReplyApproval policy, boolean exactTemplate, String toneVerdict) {
        if (toneVerdict == null || !(COURTEOUS.equals(toneVerdict) || "NEEDS_REVIEW".equals(toneVerdict))) {
            return Outcome.REFUSED;
        }
        boolean policyAllows = policy == ReplyApproval.TEMPLATE_AFTER_TONE_CHECK && exactTemplate
                && COURTEOUS.equals(toneVerdict);
        return policyAllows ? Outcome.BY_POLICY : Outcome.APPROVER;
    }
}
