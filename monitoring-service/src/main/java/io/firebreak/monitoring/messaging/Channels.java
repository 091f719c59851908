package io.firebreak.monitoring.messaging;

/** Incoming channel names (configured in application.properties); outgoing events go through the outbox. */
public final class Channels {

    public static final String MENTIONS_RAW = "mentions-raw";

    private Channels() {
    }
}
