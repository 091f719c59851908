package io.firebreak.monitoring.tone;

public enum ToneSeverity {
    /** A human should read the statement again before it goes out. */
    MINOR,
    /** The statement must not go out as written. */
    MAJOR
}
