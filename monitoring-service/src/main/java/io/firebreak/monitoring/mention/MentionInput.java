package io.firebreak.monitoring.mention;

import java.time.Instant;

/**
 * One post as a connector or webhook delivers it, over REST or on {@code mentions.raw.v1}. Not validated by
 * annotations: each record of a batch is checked on its own, so that one bad record does not lose the others.
 */
public record MentionInput(
        String source,
        String externalId,
        String author,
        String text,
        String language,
        String url,
        Instant publishedAt,
        Long reach,
        Long engagement) {
}
