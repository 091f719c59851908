package io.firebreak.publishing.publication;

import java.util.EnumSet;
import java.util.Set;

/** Lifecycle of a publication, and which moves are allowed from each state. */
public enum PublicationState {
    SCHEDULED, PUBLISHING, PUBLISHED, RETRYING, FAILED, CANCELLED, HELD, UNKNOWN;

    public Set<PublicationState> next() {
        return switch (this) {
            case SCHEDULED -> EnumSet.of(PUBLISHING, CANCELLED, HELD, FAILED, SCHEDULED);
            // A PUBLISHING row whose lease expired is claimed again (PUBLISHING) or, if a re-send could
            // double-post, becomes UNKNOWN.
            case PUBLISHING -> EnumSet.of(PUBLISHED, RETRYING, FAILED, UNKNOWN, PUBLISHING);
            case RETRYING -> EnumSet.of(PUBLISHING, CANCELLED, HELD, SCHEDULED);
            case HELD -> EnumSet.of(SCHEDULED, CANCELLED, HELD);
            // The dispatcher claims it to look the post up on the platform (PUBLISHING), where the platform can
            // be asked; otherwise a person who looked it up decides: it went out after all, or send it again.
            // UNKNOWN again when the dispatcher gives the lookup up (a broken channel) and leaves it to a person.
            case UNKNOWN -> EnumSet.of(PUBLISHING, SCHEDULED, CANCELLED, UNKNOWN);
            case FAILED -> EnumSet.of(SCHEDULED);
            case PUBLISHED, CANCELLED -> EnumSet.noneOf(PublicationState.class);
        };
    }

    public boolean canMoveTo(PublicationState target) {
        return next().contains(target);
    }

    /** Waiting to go out: what a crisis hold, a cancel or a withdrawal may still stop. */
    public boolean isPending() {
        return this == SCHEDULED || this == RETRYING || this == HELD;
    }
}
