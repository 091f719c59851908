package io.firebreak.publishing.publication;

import io.firebreak.publishing.adapter.PlatformException;

/**
 * Looking an interrupted send up on the platform failed, or found only part of a thread: nothing was sent this
 * time, and whether the post is out is still unknown.
 */
final class LookupFailed extends RuntimeException {

    private final PlatformException cause;
    private final boolean partial;

    LookupFailed(PlatformException cause, boolean partial) {
        super(cause.getMessage(), cause);
        this.cause = cause;
        this.partial = partial;
    }

    static LookupFailed of(Throwable failure) {
        return new LookupFailed(failure instanceof PlatformException known ? known
                : PlatformException.transientFailure(0, "lookup failed: " + failure, null), false);
    }

    static LookupFailed partialThread() {
        return new LookupFailed(PlatformException.rejected(0, "only part of the thread is on the platform:"
                + " look it up and finish it by hand"), true);
    }

    PlatformException problem() {
        return cause;
    }

    /** Part of a thread is out: resending would repeat it, stopping would leave it cut. A person decides. */
    boolean partial() {
        return partial;
    }
}
