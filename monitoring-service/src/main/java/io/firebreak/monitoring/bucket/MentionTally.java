package io.firebreak.monitoring.bucket;

/** Mentions of one watch added to a bucket together: how many, how many negative, their summed sentiment. */
public record MentionTally(long volume, long negative, double sentimentSum) {

    public static MentionTally of(boolean negative, double sentiment) {
        return new MentionTally(1, negative ? 1 : 0, sentiment);
    }

    public MentionTally plus(MentionTally other) {
        return new MentionTally(volume + other.volume, negative + other.negative, sentimentSum + other.sentimentSum);
    }
}
