package io.firebreak.notification.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * The bookkeeping of something sent with retries under a claim: how many attempts, when the next one is due, the
 * lease of the replica sending it, the last error and when it went out. Deliveries and chat posts share it; each
 * keeps its own state.
 */
@MappedSuperclass
public abstract class RetriedSend {

    private static final int ERROR_MAX = 1000;

    @Column(nullable = false)
    private int attempts;
    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;
    @Column(name = "lease_until")
    private Instant leaseUntil;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "sent_at")
    private Instant sentAt;

    protected void dueAt(Instant next) {
        nextAttemptAt = next;
    }

    /** Queued again from scratch: no attempt counted, due {@code now}. */
    protected void restart(Instant now) {
        attempts = 0;
        nextAttemptAt = now;
        leaseUntil = null;
    }

    protected void recordSent(Instant now) {
        sentAt = now;
        leaseUntil = null;
        lastError = null;
    }

    protected void recordError(String error) {
        leaseUntil = null;
        lastError = storedError(error);
    }

    /** An attempt's error, cut to what the column holds. */
    static String storedError(String error) {
        return error == null || error.length() <= ERROR_MAX ? error : error.substring(0, ERROR_MAX);
    }

    /** The next attempt is due at {@code next}, after {@code error}. */
    protected void scheduleRetry(Instant next, String error) {
        nextAttemptAt = next;
        recordError(error);
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
