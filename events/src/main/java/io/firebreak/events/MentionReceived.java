package io.firebreak.events;

import java.time.Instant;

/** A post about the brand as a connector or webhook delivered it ({@code mentions.raw.v1}). */
public record MentionReceived(
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
