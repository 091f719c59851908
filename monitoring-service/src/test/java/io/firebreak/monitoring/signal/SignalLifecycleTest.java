package io.firebreak.monitoring.signal;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.events.Severity;
import io.firebreak.monitoring.signal.SignalLifecycle.Bucket;
import io.firebreak.monitoring.signal.SignalLifecycle.Change;
import io.firebreak.monitoring.signal.SignalLifecycle.Episode;
import io.firebreak.monitoring.signal.SignalLifecycle.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignalLifecycleTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private final SignalLifecycle lifecycle = new SignalLifecycle(
            new SignalLifecycle.Rules(0.57, 0.45, 0.4, 5, 3, 5), MINUTE);

    private static Bucket bucket(int minute, long volume, long negative, double expected, double score) {
        Instant start = T0.plus(MINUTE.multipliedBy(minute));
        return new Bucket(start, start.plus(MINUTE), volume, negative, expected, score, true);
    }

    /** Runs the buckets from no episode and returns the changes, one per bucket. */
    private List<Change> run(Bucket... buckets) {
        Episode episode = Episode.none(null);
        List<Change> changes = new ArrayList<>();
        for (Bucket bucket : buckets) {
            Step step = lifecycle.next(episode, bucket);
            changes.add(step.change());
            episode = step.episode();
        }
        return changes;
    }

    @Test
    void aCriticalSurgeIsOneSignalThatGrowsEscalatesAndClosesAfterQuietBuckets() {
        assertThat(run(
                bucket(0, 5, 1, 5, 0.1),
                bucket(1, 20, 15, 5, 0.7),      // 3.5x expected: raised MEDIUM
                bucket(2, 22, 15, 5, 0.72),     // same severity: grows silently
                bucket(3, 80, 60, 5, 0.9),      // 13.5x: CRITICAL
                bucket(4, 8, 4, 5, 0.2),
                bucket(5, 6, 3, 5, 0.1),
                bucket(6, 5, 2, 5, 0.1)))       // third quiet bucket: closed
                .containsExactly(Change.NONE, Change.RAISED, Change.GREW, Change.ESCALATED, Change.QUIET,
                        Change.QUIET, Change.CLOSED);
    }

    @Test
    void aSurgeThatEbbsAndFlowsIsOneSignal() {
        assertThat(run(
                bucket(0, 30, 20, 5, 0.8),
                bucket(1, 6, 3, 5, 0.2),
                bucket(2, 30, 20, 5, 0.8),
                bucket(3, 6, 3, 5, 0.2),
                bucket(4, 30, 20, 5, 0.8)))
                .containsExactly(Change.RAISED, Change.QUIET, Change.GREW, Change.QUIET, Change.GREW);
    }

    @Test
    void noNewSignalDuringTheCooldownAfterAClose() {
        assertThat(run(
                bucket(0, 30, 20, 5, 0.8),
                bucket(1, 5, 1, 5, 0.1),
                bucket(2, 5, 1, 5, 0.1),
                bucket(3, 5, 1, 5, 0.1),        // closed at 10:04, cooldown until 10:09
                bucket(4, 30, 20, 5, 0.8),
                bucket(8, 30, 20, 5, 0.8),
                bucket(9, 30, 20, 5, 0.8)))     // cooldown over
                .containsExactly(Change.RAISED, Change.QUIET, Change.QUIET, Change.CLOSED, Change.NONE, Change.NONE,
                        Change.RAISED);
    }

    @Test
    void aSurgeOfPraiseATinyWatchOrAColdDetectorRaisesNothing() {
        Instant start = T0;
        Bucket cold = new Bucket(start, start.plus(MINUTE), 50, 40, 5, 0.9, false);
        assertThat(run(
                bucket(0, 50, 5, 5, 0.9),       // 10% negative
                bucket(1, 4, 4, 0.1, 0.9),      // below the minimum volume
                cold))
                .containsOnly(Change.NONE);
    }

    @Test
    void severityFollowsHowManyTimesTheExpectedVolumeWasSeen() {
        assertThat(SignalLifecycle.severity(2)).isEqualTo(Severity.LOW);
        assertThat(SignalLifecycle.severity(3)).isEqualTo(Severity.MEDIUM);
        assertThat(SignalLifecycle.severity(6)).isEqualTo(Severity.HIGH);
        assertThat(SignalLifecycle.severity(12)).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void severityNeverGoesDownWhileTheSurgeLasts() {
        Step raised = lifecycle.next(Episode.none(null), bucket(0, 80, 60, 5, 0.9));
        Step smaller = lifecycle.next(raised.episode(), bucket(1, 20, 15, 5, 0.7));
        assertThat(raised.episode().severity()).isEqualTo(Severity.CRITICAL);
        assertThat(smaller.change()).isEqualTo(Change.GREW);
        assertThat(smaller.episode().severity()).isEqualTo(Severity.CRITICAL);
    }
}
