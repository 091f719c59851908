package io.firebreak.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored mention with its sentiment and the watches it matched ({@code monitoring.mentions-scored.v1}). */
public record MentionScored(
        UUID mentionId,
        String source,
        String externalId,
        String author,
        String text,
        String url,
        Instant publishedAt,
        String language,
        String sentimentLabel,
        double sentimentScore,
        List<UUID> watchIds) {
}
