package io.firebreak.events;

/** Lifecycle of a crisis, as owned by playbook-service and seen by every other service. */
public enum CrisisStatus {
    PROPOSED, ACTIVE, CONTAINED, RESOLVED, REVIEWED, DISMISSED;

    /** While a crisis is live, scheduled non-crisis posts are held and role holders are paged. */
    public boolean isLive() {
        return this == ACTIVE || this == CONTAINED;
    }
}
