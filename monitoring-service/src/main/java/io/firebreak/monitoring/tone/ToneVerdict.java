package io.firebreak.monitoring.tone;

/**
 * What playbook-service does with a statement. COURTEOUS: nothing was flagged, it may be approved.
 * NEEDS_REVIEW: only MINOR findings; an approver may still approve it, having read the findings.
 * REFUSED: at least one MAJOR finding (or three findings or more); it must be rewritten before approval.
 */
public enum ToneVerdict {
    COURTEOUS, NEEDS_REVIEW, REFUSED
}
