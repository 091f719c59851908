package io.firebreak.devstack;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a readiness condition instead of sleeping for a guessed time. */
final class Await {

    private Await() {
    }

    /**
     * Waits until {@code ready} holds; fails early with {@code whatFailed} if {@code alive} stops holding
     * (the process died), or after {@code timeout}.
     */
    static void until(String what, Duration timeout, BooleanSupplier alive, BooleanSupplier ready, String hint) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (!alive.getAsBoolean()) {
                throw new StackException(what + " stopped while starting; " + hint);
            }
            if (System.nanoTime() > deadline) {
                throw new StackException(what + " was not ready after " + timeout.toSeconds() + " s; " + hint);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("interrupted while waiting for " + what);
            }
        }
    }
}
