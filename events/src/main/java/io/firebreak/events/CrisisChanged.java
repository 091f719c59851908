package io.firebreak.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A crisis entered a new state or changed its role holders ({@code playbook.crises.v1}). */
public record CrisisChanged(
        UUID crisisId,
        UUID playbookId,
        Integer playbookVersion,
        String title,
        CrisisStatus status,
        Severity severity,
        boolean drill,
        UUID signalId,
        String changedBy,
        String reason,
        Instant changedAt,
        List<Assignment> assignments) {
}
