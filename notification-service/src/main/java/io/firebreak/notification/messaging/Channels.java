package io.firebreak.notification.messaging;

/** Incoming channel names (configured in application.properties); outgoing events go through the outbox. */
public final class Channels {

    public static final String CRISES = "crises";
    public static final String SIGNALS = "signals";
    public static final String PUBLICATIONS = "publications";

    private Channels() {
    }
}
