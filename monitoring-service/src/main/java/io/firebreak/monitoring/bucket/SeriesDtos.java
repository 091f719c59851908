package io.firebreak.monitoring.bucket;

import io.firebreak.monitoring.signal.SignalDtos.SignalView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The REST shapes of a watch's series. */
public final class SeriesDtos {

    private SeriesDtos() {
    }

    /**
     * One step of the series. The shares are null when the step had no mention; the expected band and score are
     * null while a bucket of the step is still open (or before detection started).
     */
    public record Point(Instant start, long volume, Double negativeShare, Double meanSentiment, Double expected,
                        Double expectedLow, Double expectedHigh, Double score) {
    }

    public record Series(UUID watchId, Instant from, Instant to, Duration step, Duration bucketLength,
                         List<Point> points, List<SignalView> signals) {
    }
}
