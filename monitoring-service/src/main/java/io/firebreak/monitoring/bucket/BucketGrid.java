package io.firebreak.monitoring.bucket;

import java.time.Duration;
import java.time.Instant;

/** The fixed grid of buckets, aligned on the epoch: a day is a whole number of them. */
public record BucketGrid(Duration length) {

    private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

    public BucketGrid {
        long millis = length.toMillis();
        if (millis < 1000 || DAY_MILLIS % millis != 0) {
            throw new IllegalArgumentException("bucket length must be at least 1s and divide a day evenly, not "
                    + length);
        }
    }

    /** The start of the bucket that holds this instant. */
    public Instant floor(Instant at) {
        long millis = length.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), millis) * millis);
    }

    public Instant next(Instant bucketStart) {
        return bucketStart.plus(length);
    }

    public int perDay() {
        return (int) (DAY_MILLIS / length.toMillis());
    }

    /** How many buckets start in [from, to), both on the grid. */
    public long between(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMillis() / length.toMillis());
    }
}
