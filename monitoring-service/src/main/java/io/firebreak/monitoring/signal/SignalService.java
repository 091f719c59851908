package io.firebreak.monitoring.signal;

import io.firebreak.events.EventTypes;
import io.firebreak.events.SignalChanged;
import io.firebreak.events.Topics;
import io.firebreak.monitoring.signal.SignalDtos.RaiseSignalRequest;
import io.firebreak.monitoring.signal.SignalDtos.SignalView;
import io.firebreak.platform.outbox.Outbox;
import io.firebreak.platform.problem.Problem;
import io.firebreak.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SignalService {

    private static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);

    private final SignalRepository signals;
    private final Outbox outbox;
    private final Clock clock;

    public SignalService(SignalRepository signals, Outbox outbox, Clock clock) {
        this.signals = signals;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Stores the signal and its {@code signal.raised} event in one transaction. */
    @WithTransaction
    public Uni<SignalView> raise(RaiseSignalRequest request, String analyst) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant windowEnd = request.windowEnd() != null ? request.windowEnd() : now;
        Instant windowStart = request.windowStart() != null ? request.windowStart() : windowEnd.minus(DEFAULT_WINDOW);
        if (!windowStart.isBefore(windowEnd)) {
            throw ProblemException.invalid("invalid-window", "windowStart must be before windowEnd",
                    List.of(new Problem.FieldError("windowStart", "must be before windowEnd")));
        }
        Signal signal = Signal.raisedByHand(request.watchId(), request.watchName(), request.severity(),
                request.summary().strip(), windowStart, windowEnd,
                request.observedVolume() != null ? request.observedVolume() : 0,
                request.negativeShare() != null ? request.negativeShare() : 0, analyst, now);
        return signals.persist(signal)
                .chain(() -> outbox.publish(Topics.SIGNALS, EventTypes.SIGNAL_RAISED,
                        signal.getWatchId().toString(), changed(signal)))
                .invoke(event -> Log.infof("Signal %s raised on watch %s by %s (event %s)", signal.getId(),
                        signal.getWatchId(), analyst, event.id()))
                .replaceWith(() -> SignalView.of(signal));
    }

    @WithSession
    public Uni<SignalView> get(UUID id) {
        return signals.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("signal", id))
                .map(SignalView::of);
    }

    @WithSession
    public Uni<List<SignalView>> list(SignalStatus status, int page, int size) {
        return signals.newestFirst(status, page, size).map(list -> list.stream().map(SignalView::of).toList());
    }

    private static SignalChanged changed(Signal signal) {
        return new SignalChanged(signal.getId(), signal.getWatchId(), signal.getWatchName(),
                signal.getStatus().name(), signal.getSeverity(), signal.getSummary(), signal.getWindowStart(),
                signal.getWindowEnd(), signal.getObservedVolume(), signal.getExpectedVolume(),
                signal.getNegativeShare(), signal.getScore(), List.of(), signal.getRaisedBy(), signal.getUpdatedAt());
    }
}
