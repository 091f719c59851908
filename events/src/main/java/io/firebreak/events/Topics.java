package io.firebreak.events;

import java.util.List;

/** Kafka topic names, {@code <domain>.<what>.v<N>}; each one has a JSON Schema under {@code schemas/}. */
public final class Topics {

    public static final String MENTIONS_RAW = "mentions.raw.v1";
    public static final String MENTIONS_SCORED = "monitoring.mentions-scored.v1";
    public static final String SIGNALS = "monitoring.signals.v1";
    public static final String CRISES = "playbook.crises.v1";
    public static final String STATEMENTS = "playbook.statements.v1";
    public static final String PUBLICATIONS = "publishing.publications.v1";
    public static final String DELIVERIES = "notification.deliveries.v1";

    public static final List<String> ALL =
            List.of(MENTIONS_RAW, MENTIONS_SCORED, SIGNALS, CRISES, STATEMENTS, PUBLICATIONS, DELIVERIES);

    private Topics() {
    }
}
