package io.firebreak.playbook.messaging;

/** Incoming channel names (configured in application.properties); outgoing events go through the outbox. */
public final class Channels {

    public static final String SIGNALS = "signals";
    public static final String PUBLICATIONS = "publications";
    public static final String DELIVERIES = "deliveries";

    private Channels() {
    }
}
