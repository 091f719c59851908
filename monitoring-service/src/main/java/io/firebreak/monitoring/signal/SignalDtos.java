package io.firebreak.monitoring.signal;

import io.firebreak.events.Severity;
import io.firebreak.monitoring.mention.Mention;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** The REST shapes of the signal feature. */
public final class SignalDtos {

    private SignalDtos() {
    }

    /** An analyst raising a signal by hand. The window defaults to the last 15 minutes. */
    public record RaiseSignalRequest(
            @NotNull UUID watchId,
            @Size(max = 200) String watchName,
            @NotNull Severity severity,
            @NotBlank @Size(max = 2000) String summary,
            Instant windowStart,
            Instant windowEnd,
            @PositiveOrZero Long observedVolume,
            @DecimalMin("0") @DecimalMax("1") Double negativeShare) {
    }

    /** A post driving the surge, most read or answered first. */
    public record DrivingPost(UUID mentionId, String source, String author, String text, String url,
                              Instant publishedAt, Long reach, Long engagement, String sentimentLabel) {

        static DrivingPost of(Mention mention) {
            return new DrivingPost(mention.getId(), mention.getSource(), mention.getAuthor(), mention.getText(),
                    mention.getUrl(), mention.getPublishedAt(), mention.getReach(), mention.getEngagement(),
                    mention.getSentimentLabel());
        }
    }

    public record SignalView(
            UUID id,
            UUID watchId,
            String watchName,
            SignalStatus status,
            Severity severity,
            String summary,
            Instant windowStart,
            Instant windowEnd,
            long observedVolume,
            double expectedVolume,
            double negativeShare,
            double score,
            List<DrivingPost> drivingPosts,
            String raisedBy,
            Instant raisedAt,
            Instant updatedAt,
            String acknowledgedBy,
            Instant acknowledgedAt,
            String dismissedBy,
            Instant dismissedAt,
            Instant closedAt) {

        /** The driving posts come from {@code mentions}; those purged by retention are left out. */
        static SignalView of(Signal signal, Map<UUID, Mention> mentions) {
            List<DrivingPost> posts = signal.getDrivingMentionIds().stream()
                    .map(mentions::get).filter(Objects::nonNull).map(DrivingPost::of).toList();
            return new SignalView(signal.getId(), signal.getWatchId(), signal.getWatchName(), signal.getStatus(),
                    signal.getSeverity(), signal.getSummary(), signal.getWindowStart(), signal.getWindowEnd(),
                    signal.getObservedVolume(), signal.getExpectedVolume(), signal.getNegativeShare(),
                    signal.getScore(), posts, signal.getRaisedBy(), signal.getRaisedAt(), signal.getUpdatedAt(),
                    signal.getAcknowledgedBy(), signal.getAcknowledgedAt(), signal.getDismissedBy(),
                    signal.getDismissedAt(), signal.getClosedAt());
        }
    }
}
