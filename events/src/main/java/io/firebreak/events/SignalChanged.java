package io.firebreak.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A surge of criticism on a watch, raised, updated as it grows, or closed ({@code monitoring.signals.v1}). */
public record SignalChanged(
        UUID signalId,
        UUID watchId,
        String watchName,
        String status,
        Severity severity,
        String summary,
        Instant windowStart,
        Instant windowEnd,
        long observedVolume,
        double expectedVolume,
        double negativeShare,
        double score,
        List<UUID> drivingMentionIds,
        String raisedBy,
        Instant changedAt) {
}
