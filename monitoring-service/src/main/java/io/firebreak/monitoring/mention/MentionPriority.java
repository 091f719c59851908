package io.firebreak.monitoring.mention;

import java.time.Instant;

/**
 * How urgently a mention needs a look: influence (reach + engagement, log-scaled: ten times the audience is one
 * point), negativity, whether it asks a question, and recency (one point lost per {@value #HOURS_PER_POINT} hours).
 *
 * <p>Recency is linear in the publication time, so the order of two mentions never depends on when the list is
 * read: the stored {@link #rank} (intrinsic weight + publication time in points) sorts once, in an index, and the
 * {@link #priority} shown is the same rank seen from now.
 */
public final class MentionPriority {

    static final double HOURS_PER_POINT = 6;
    private static final double SECONDS_PER_POINT = HOURS_PER_POINT * 3600;
    static final double NEGATIVE_LABEL = 1.0;
    /** Times how negative the score is (0 to 1): a furious post outranks a mildly unhappy one. */
    static final double NEGATIVE_SCORE = 1.0;
    static final double QUESTION = 1.5;

    private MentionPriority() {
    }

    /** What the mention weighs, whatever its age. */
    public static double intrinsic(Long reach, Long engagement, String sentimentLabel, double sentimentScore,
                                   boolean question) {
        long audience = Math.max(0, reach == null ? 0 : reach) + Math.max(0, engagement == null ? 0 : engagement);
        double influence = Math.log10(1 + (double) audience);
        double negativity = ("negative".equals(sentimentLabel) ? NEGATIVE_LABEL : 0)
                + NEGATIVE_SCORE * Math.max(0, -sentimentScore);
        return influence + negativity + (question ? QUESTION : 0);
    }

    /** The sort key: larger first; independent of the time it is computed at. */
    public static double rank(double intrinsic, Instant publishedAt) {
        return intrinsic + points(publishedAt);
    }

    /** The priority shown at {@code now}: the intrinsic weight minus one point per six hours of age. */
    public static double priority(double rank, Instant now) {
        return rank - points(now);
    }

    private static double points(Instant at) {
        return (at.getEpochSecond() + at.getNano() / 1e9) / SECONDS_PER_POINT;
    }
}
