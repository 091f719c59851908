package io.firebreak.publishing.adapter;

import java.time.Duration;

/** A platform's refusal or failure, classified by what the dispatcher should do about it. */
public class PlatformException extends RuntimeException {

    public enum Kind {
        /** Rate limit, 5xx, timeout, connection reset: try again later, the channel is fine. */
        TRANSIENT,
        /** The credentials were refused (401/403): the channel needs an admin. */
        UNAUTHORIZED,
        /** The platform rejected this post (400/422): sending it again will not help. */
        REJECTED
    }

    private final Kind kind;
    private final int status;
    private final Duration retryAfter;
    private final boolean maybeDelivered;

    public PlatformException(Kind kind, int status, String message, Duration retryAfter) {
        this(kind, status, message, retryAfter, false);
    }

    private PlatformException(Kind kind, int status, String message, Duration retryAfter, boolean maybeDelivered) {
        super(message);
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
        this.maybeDelivered = maybeDelivered;
    }

    /**
     * The request left but no answer came back (timeout, connection reset): the platform may have posted it.
     * Retrying blindly could double-post where the platform takes no idempotency key.
     */
    public static PlatformException interrupted(String message) {
        return new PlatformException(Kind.TRANSIENT, 0, message, null, true);
    }

    public static PlatformException transientFailure(int status, String message, Duration retryAfter) {
        return new PlatformException(Kind.TRANSIENT, status, message, retryAfter);
    }

    public static PlatformException unauthorized(int status, String message) {
        return new PlatformException(Kind.UNAUTHORIZED, status, message, null);
    }

    public static PlatformException rejected(int status, String message) {
        return new PlatformException(Kind.REJECTED, status, message, null);
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return status;
    }

    /** The delay the platform asked for (HTTP Retry-After), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** True when the post may have gone out although no answer said so. */
    public boolean maybeDelivered() {
        return maybeDelivered;
    }
}
