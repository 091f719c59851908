package io.firebreak.notification.delivery;

import java.time.Duration;
import java.util.Optional;

/** When to try a failed delivery again: transient failures only, with doubling back-off, a bounded number of times. */
public record RetryPolicy(int maxAttempts, Duration firstBackoff) {

    private static final int MAX_DOUBLINGS = 10;

    /** The wait before the next attempt, or nothing when the delivery is to be given up. */
    public Optional<Duration> nextDelay(int attemptsMade, boolean transientFailure) {
        if (!transientFailure || attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        return Optional.of(firstBackoff.multipliedBy(1L << Math.min(attemptsMade - 1, MAX_DOUBLINGS)));
    }
}
