package io.firebreak.publishing.crisis;

import io.firebreak.events.CrisisStatus;
import io.firebreak.events.Severity;
import java.time.Instant;
import java.util.UUID;

/** What publishing-service knows of a crisis, and whether it holds scheduled non-crisis posts. */
public record CrisisContextView(UUID crisisId, String title, CrisisStatus status, Severity severity, boolean drill,
                                boolean holdsScheduledPosts, Instant changedAt) {

    static CrisisContextView of(CrisisContext context) {
        return new CrisisContextView(context.getCrisisId(), context.getTitle(), context.getStatus(),
                context.getSeverity(), context.isDrill(), context.holdsScheduledPosts(), context.getChangedAt());
    }
}
