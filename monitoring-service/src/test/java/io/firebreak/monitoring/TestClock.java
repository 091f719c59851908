package io.firebreak.monitoring;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The service's clock in tests: real time, unless a test stops it at an instant it then moves by hand. */
@Singleton
public class TestClock extends Clock {

    private volatile Instant fixed;

    @Override
    public Instant instant() {
        Instant at = fixed;
        return at != null ? at : Instant.now();
    }

    public void set(Instant at) {
        fixed = at;
    }

    /** Back to real time. */
    public void reset() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
