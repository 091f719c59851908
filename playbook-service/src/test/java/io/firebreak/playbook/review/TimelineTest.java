package io.firebreak.playbook.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.playbook.review.Timeline.Entry;
import io.firebreak.playbook.review.Timeline.KeyTimes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {

    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    @Test
    void entriesFromEverySourceAreMergedInTimeOrder() {
        List<Entry> transitions = List.of(new Entry(T0, "transition", "signal", "PROPOSED"),
                new Entry(T0.plusSeconds(600), "transition", "carol", "ACTIVE"));
        List<Entry> statements = List.of(new Entry(T0.plusSeconds(300), "statement", "cole", "HOLDING drafted"));

        assertThat(Timeline.merge(transitions, statements)).extracting(Entry::summary)
                .containsExactly("PROPOSED", "HOLDING drafted", "ACTIVE");
    }

    @Test
    void keyTimesMeasureEachStep() {
        KeyTimes times = KeyTimes.of(T0, T0.plusSeconds(600), T0.plusSeconds(1500), T0.plusSeconds(7200));
        assertThat(times.detectToActivate()).isEqualTo(Duration.ofMinutes(10));
        assertThat(times.activateToFirstStatement()).isEqualTo(Duration.ofMinutes(15));
        assertThat(times.activateToResolve()).isEqualTo(Duration.ofMinutes(110));
    }

    @Test
    void stepsNotTakenLeaveTheirDelaysEmpty() {
        KeyTimes times = KeyTimes.of(T0, null, null, null);
        assertThat(times.detectToActivate()).isNull();
        assertThat(times.activateToResolve()).isNull();
    }
}
