package io.firebreak.notification.delivery;

import java.time.Duration;
import java.util.Optional;

/**
 * What a provider answered one attempt: sent, a transient failure (retried, not before {@code retryAfter} when
 * the provider said so), a permanent one, or a rejected address (a push token the provider no longer knows).
 */
public record SendOutcome(String provider, boolean sent, boolean transientFailure, boolean addressRejected,
                          String reason, Optional<Duration> retryAfter, String messageId) {

    public static SendOutcome sent(String provider) {
        return sent(provider, null);
    }

    /** Accepted under the provider's id for the message, which its delivery callbacks will name. */
    public static SendOutcome sent(String provider, String messageId) {
        return new SendOutcome(provider, true, false, false, null, Optional.empty(), messageId);
    }

    public static SendOutcome retry(String provider, String reason) {
        return new SendOutcome(provider, false, true, false, reason, Optional.empty(), null);
    }

    public static SendOutcome retryAfter(String provider, String reason, Optional<Duration> after) {
        return new SendOutcome(provider, false, true, false, reason, after, null);
    }

    public static SendOutcome permanent(String provider, String reason) {
        return new SendOutcome(provider, false, false, false, reason, Optional.empty(), null);
    }

    public static SendOutcome rejected(String provider, String reason) {
        return new SendOutcome(provider, false, false, true, reason, Optional.empty(), null);
    }
}
