package io.firebreak.monitoring.mention;

import io.firebreak.events.MentionScored;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A mention scored on its way in, as {@link MentionWriter} stores it. A plain value rather than the {@link Mention}
 * entity: Hibernate's enhanced entity records every field write for its dirty checking (3 % of the service's time
 * at tens of thousands of mentions a second), for an object Hibernate never sees.
 *
 * @param post     as it came, validated
 * @param language the post's language, or the detected one
 * @param watchIds the watches it matched, empty when none
 */
public record ScoredMention(
        UUID id,
        MentionInput post,
        String language,
        String sentimentLabel,
        double sentimentScore,
        boolean question,
        List<UUID> watchIds,
        Instant receivedAt) {

    static ScoredMention of(MentionInput post, String language, String sentimentLabel, double sentimentScore,
                            boolean question, List<UUID> watchIds, Instant receivedAt) {
        return new ScoredMention(TimeOrderedIds.next(receivedAt), post, language, sentimentLabel, sentimentScore,
                question, List.copyOf(watchIds), receivedAt);
    }

    /** Its place in its watches' inboxes (MentionPriority): its intrinsic weight plus its publication time. */
    double priorityRank() {
        return MentionPriority.rank(MentionPriority.intrinsic(post.reach(), post.engagement(), sentimentLabel,
                sentimentScore, question), post.publishedAt());
    }

    boolean negative() {
        return "negative".equals(sentimentLabel);
    }

    MentionScored event() {
        return new MentionScored(id, post.source(), post.externalId(), post.author(), post.text(), post.url(),
                post.publishedAt(), language, sentimentLabel, sentimentScore, watchIds);
    }
}
