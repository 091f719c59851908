package io.firebreak.monitoring.signal;

import io.firebreak.events.Severity;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
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
            String raisedBy,
            Instant raisedAt,
            Instant updatedAt) {

        static SignalView of(Signal signal) {
            return new SignalView(signal.getId(), signal.getWatchId(), signal.getWatchName(), signal.getStatus(),
                    signal.getSeverity(), signal.getSummary(), signal.getWindowStart(), signal.getWindowEnd(),
                    signal.getObservedVolume(), signal.getExpectedVolume(), signal.getNegativeShare(),
                    signal.getScore(), signal.getRaisedBy(), signal.getRaisedAt(), signal.getUpdatedAt());
        }
    }
}
