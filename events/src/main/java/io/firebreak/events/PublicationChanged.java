package io.firebreak.events;

import java.time.Instant;
import java.util.UUID;

/** A publication (statement × channel) entered a new state ({@code publishing.publications.v1}). */
public record PublicationChanged(
        UUID publicationId,
        UUID statementId,
        UUID crisisId,
        UUID channelId,
        String platform,
        String state,
        String externalId,
        String url,
        String error,
        Instant scheduledAt,
        Instant changedAt) {
}
