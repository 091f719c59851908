package io.firebreak.monitoring.mention;

import java.time.Instant;
import java.util.UUID;

/**
 * Which of a watch's mentions the inbox shows: published in [{@code since}, {@code until}), from a source, in a
 * language, with a sentiment label, by an author. Null: any.
 */
public record MentionFilter(UUID watchId, Instant since, Instant until, String source, String language,
                            String sentiment, String author) {
}
