package io.firebreak.playbook.statement;

import java.util.Set;

/** Which tone verdicts let a statement be approved; anything else (including a verdict we do not know) blocks it. */
public final class ToneGate {

    /** COURTEOUS: nothing flagged. NEEDS_REVIEW: minor findings only, which the approver reads before approving. */
    private static final Set<String> APPROVABLE = Set.of("COURTEOUS", "NEEDS_REVIEW");

    private ToneGate() {
    }

    public static boolean approvable(String verdict) {
        return verdict != null && APPROVABLE.contains(verdict);
    }
}
