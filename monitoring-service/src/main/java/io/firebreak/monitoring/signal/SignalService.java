package io.firebreak.monitoring.signal;

import io.firebreak.events.EventTypes;
import io.firebreak.events.Severity;
import io.firebreak.events.SignalChanged;
import io.firebreak.events.Topics;
import io.firebreak.monitoring.mention.Mention;
import io.firebreak.monitoring.mention.MentionRepository;
import io.firebreak.monitoring.signal.SignalDtos.RaiseSignalRequest;
import io.firebreak.monitoring.signal.SignalDtos.SignalView;
import io.firebreak.platform.problem.Problem;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.outbox.Outbox;
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
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Signals: raised by an analyst, or by the detector as a surge grows and subsides (see {@link SignalLifecycle});
 * acknowledged or dismissed by an analyst. Every change is stored with its event on {@code monitoring.signals.v1}
 * in one transaction.
 */
@ApplicationScoped
public class SignalService {

    private static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);
    private static final int DRIVING_POSTS = 5;

    private final SignalRepository signals;
    private final MentionRepository mentions;
    private final Outbox outbox;
    private final Clock clock;

    public SignalService(SignalRepository signals, MentionRepository mentions, Outbox outbox, Clock clock) {
        this.signals = signals;
        this.mentions = mentions;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Stores the signal and its {@code signal.raised} event in one transaction. */
    @WithTransaction
    public Uni<SignalView> raise(RaiseSignalRequest request, String analyst) {
        Instant now = now();
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
                .chain(() -> announce(signal, EventTypes.SIGNAL_RAISED))
                .invoke(() -> Log.infof("Signal %s raised on watch %s by %s", signal.getId(), signal.getWatchId(),
                        analyst))
                .chain(() -> view(signal));
    }

    /** OPEN → ACKNOWLEDGED: an analyst is on it. Recorded with who and when, announced as updated. */
    @WithTransaction
    public Uni<SignalView> acknowledge(UUID id, String analyst) {
        return triage(id, analyst, signal -> signal.acknowledge(analyst, now()), "acknowledged");
    }

    /** OPEN or ACKNOWLEDGED → DISMISSED: not a crisis. Recorded with who and when, announced as updated. */
    @WithTransaction
    public Uni<SignalView> dismiss(UUID id, String analyst) {
        return triage(id, analyst, signal -> signal.dismiss(analyst, now()), "dismissed");
    }

    @WithSession
    public Uni<SignalView> get(UUID id) {
        return find(id).chain(this::view);
    }

    @WithSession
    public Uni<List<SignalView>> list(UUID watchId, SignalStatus status, int page, int size) {
        return signals.newestFirst(watchId, status, page, size).chain(this::views);
    }

    /** A watch's signals whose window overlaps [from, to), for its chart. */
    @WithSession
    public Uni<List<SignalView>> overlapping(UUID watchId, Instant from, Instant to) {
        return signals.overlapping(watchId, from, to).chain(this::views);
    }

    /** The detector raised a signal on this bucket. Runs inside the caller's transaction. */
    public Uni<UUID> raiseDetected(UUID watchId, String watchName, Severity severity, SignalLifecycle.Bucket bucket,
                                   Instant now) {
        Signal signal = Signal.detected(watchId, watchName, severity, bucket, now);
        return signals.persist(signal)
                .chain(() -> refreshDrivingPosts(signal))
                .chain(() -> announce(signal, EventTypes.SIGNAL_RAISED))
                .invoke(() -> Log.infof("Signal %s raised by the detector on watch %s: %s, %d mentions, score %.2f",
                        signal.getId(), watchId, severity, bucket.volume(), bucket.score()))
                .replaceWith(signal.getId());
    }

    /**
     * Another elevated bucket of the surge. Announced only when the severity went up; a dismissed signal is left
     * as the analyst dismissed it. Runs inside the caller's transaction.
     */
    public Uni<Void> grow(UUID id, Severity severity, SignalLifecycle.Bucket bucket, Instant now) {
        return signals.findById(id).chain(signal -> {
            if (signal == null || signal.getStatus() == SignalStatus.DISMISSED) {
                return Uni.createFrom().voidItem();
            }
            boolean escalated = severity.compareTo(signal.getSeverity()) > 0;
            signal.grow(severity, bucket, now);
            if (!escalated) {
                return Uni.createFrom().voidItem();
            }
            return refreshDrivingPosts(signal)
                    .chain(() -> announce(signal, EventTypes.SIGNAL_UPDATED))
                    .invoke(() -> Log.infof("Signal %s on watch %s escalated to %s", id, signal.getWatchId(),
                            severity));
        });
    }

    /** The surge subsided. A dismissed signal stays dismissed, silently. Runs inside the caller's transaction. */
    public Uni<Void> closeDetected(UUID id, Instant now) {
        return signals.findById(id).chain(signal -> {
            if (signal == null) {
                return Uni.createFrom().voidItem();
            }
            boolean dismissed = signal.getStatus() == SignalStatus.DISMISSED;
            signal.close(now);
            if (dismissed) {
                return Uni.createFrom().voidItem();
            }
            return refreshDrivingPosts(signal)
                    .chain(() -> announce(signal, EventTypes.SIGNAL_CLOSED))
                    .invoke(() -> Log.infof("Signal %s on watch %s closed: the surge subsided", id,
                            signal.getWatchId()));
        });
    }

    private Uni<SignalView> triage(UUID id, String analyst, Consumer<Signal> change, String what) {
        return find(id).chain(signal -> {
            try {
                change.accept(signal);
            } catch (IllegalStateException e) {
                throw ProblemException.conflict("signal-state", e.getMessage());
            }
            return announce(signal, EventTypes.SIGNAL_UPDATED)
                    .invoke(() -> Log.infof("Signal %s %s by %s", id, what, analyst))
                    .chain(() -> view(signal));
        });
    }

    private Uni<Void> refreshDrivingPosts(Signal signal) {
        return mentions.driving(signal.getWatchId(), signal.getWindowStart(), signal.getWindowEnd(), DRIVING_POSTS)
                .invoke(signal::drivenBy)
                .replaceWithVoid();
    }

    private Uni<Void> announce(Signal signal, String type) {
        return outbox.publish(Topics.SIGNALS, type, signal.getWatchId().toString(), changed(signal)).replaceWithVoid();
    }

    private Uni<Signal> find(UUID id) {
        return signals.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("signal", id));
    }

    private Uni<SignalView> view(Signal signal) {
        return views(List.of(signal)).map(list -> list.get(0));
    }

    private Uni<List<SignalView>> views(List<Signal> list) {
        List<UUID> ids = list.stream().flatMap(signal -> signal.getDrivingMentionIds().stream()).distinct().toList();
        return mentions.byIds(ids).map(found -> {
            Map<UUID, Mention> byId = found.stream().collect(Collectors.toMap(Mention::getId, Function.identity()));
            return list.stream().map(signal -> SignalView.of(signal, byId)).toList();
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static SignalChanged changed(Signal signal) {
        return new SignalChanged(signal.getId(), signal.getWatchId(), signal.getWatchName(),
                signal.getStatus().name(), signal.getSeverity(), signal.getSummary(), signal.getWindowStart(),
                signal.getWindowEnd(), signal.getObservedVolume(), signal.getExpectedVolume(),
                signal.getNegativeShare(), Math.min(1, signal.getScore()), signal.getDrivingMentionIds(),
                signal.getRaisedBy(), signal.getUpdatedAt());
    }
}
