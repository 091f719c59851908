package io.firebreak.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An approved statement ready to publish, or withdrawn before it went out ({@code playbook.statements.v1}). */
public record StatementChanged(
        UUID statementId,
        UUID crisisId,
        String phase,
        String language,
        String text,
        List<UUID> channelIds,
        Instant scheduledAt,
        boolean allowThread,
        boolean drill,
        String approvedBy,
        Instant changedAt) {
}
