package io.firebreak.events;

/** CloudEvents {@code type} values: reverse-DNS, past tense. */
public final class EventTypes {

    public static final String MENTION_RECEIVED = "io.firebreak.mention.received";
    public static final String MENTION_SCORED = "io.firebreak.monitoring.mention.scored";

    public static final String SIGNAL_RAISED = "io.firebreak.monitoring.signal.raised";
    public static final String SIGNAL_UPDATED = "io.firebreak.monitoring.signal.updated";
    public static final String SIGNAL_CLOSED = "io.firebreak.monitoring.signal.closed";

    /** Crisis events are typed by the state the crisis entered: {@code ...crisis.proposed}, {@code ...crisis.active}. */
    public static final String CRISIS_PREFIX = "io.firebreak.playbook.crisis.";

    public static final String STATEMENT_APPROVED = "io.firebreak.playbook.statement.approved";
    public static final String STATEMENT_WITHDRAWN = "io.firebreak.playbook.statement.withdrawn";

    /** Publication events are typed by the state entered: {@code ...publication.published}. */
    public static final String PUBLICATION_PREFIX = "io.firebreak.publishing.publication.";

    /** Delivery events are typed by the state entered: {@code ...delivery.sent}, {@code ...delivery.acknowledged}. */
    public static final String DELIVERY_PREFIX = "io.firebreak.notification.delivery.";

    private EventTypes() {
    }

    public static String crisis(CrisisStatus status) {
        return CRISIS_PREFIX + status.name().toLowerCase(java.util.Locale.ROOT);
    }
}
