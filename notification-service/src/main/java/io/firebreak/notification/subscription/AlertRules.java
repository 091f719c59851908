package io.firebreak.notification.subscription;

import io.firebreak.events.Severity;
import java.util.Collection;
import java.util.Optional;

/** Which monitoring and publishing events are worth telling a subscriber about. */
public final class AlertRules {

    private AlertRules() {
    }

    /**
     * An open signal nobody was told about yet is new; one that got more severe than anything told so far
     * escalated; anything else (same severity again, acknowledged, dismissed, closed) is not news.
     */
    public static Optional<SubscriptionAlert.Kind> forSignal(String status, Severity severity,
                                                             Collection<Severity> alreadyTold) {
        if (!"OPEN".equals(status)) {
            return Optional.empty();
        }
        if (alreadyTold.isEmpty()) {
            return Optional.of(SubscriptionAlert.Kind.SIGNAL_RAISED);
        }
        boolean worse = alreadyTold.stream().allMatch(told -> told == null || severity.compareTo(told) > 0);
        return worse ? Optional.of(SubscriptionAlert.Kind.SIGNAL_ESCALATED) : Optional.empty();
    }

    /** A communicator needs to act when a publication failed for good or was held. */
    public static Optional<SubscriptionAlert.Kind> forPublication(String state) {
        return switch (state) {
            case "FAILED" -> Optional.of(SubscriptionAlert.Kind.PUBLICATION_FAILED);
            case "HELD" -> Optional.of(SubscriptionAlert.Kind.PUBLICATION_HELD);
            default -> Optional.empty();
        };
    }
}
