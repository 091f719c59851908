package io.firebreak.playbook.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static final Instant NOW = Instant.parse("2026-03-28T12:00:00Z");

    @Test
    void withoutATimeItGoesOutNow() {
        assertThat(Schedule.resolve(null, null, NOW).at()).isEqualTo(NOW);
    }

    @Test
    void wallClockTimeIsReadInItsZoneAcrossDaylightSaving() {
        // Paris moves to summer time on 2026-03-29: 09:00 is 08:00Z the day before and 07:00Z that day.
        assertThat(Schedule.resolve(LocalDateTime.parse("2026-03-28T13:00:00"), "Europe/Paris", NOW).at())
                .isEqualTo(Instant.parse("2026-03-28T12:00:00Z"));
        assertThat(Schedule.resolve(LocalDateTime.parse("2026-03-29T09:00:00"), "Europe/Paris", NOW).at())
                .isEqualTo(Instant.parse("2026-03-29T07:00:00Z"));
    }

    @Test
    void aTimeWithoutZoneOrWithAnUnknownOneIsRefused() {
        assertThat(Schedule.resolve(LocalDateTime.parse("2026-04-01T09:00:00"), null, NOW).problem())
                .get().extracting(Schedule.Violation::field).isEqualTo("zone");
        assertThat(Schedule.resolve(LocalDateTime.parse("2026-04-01T09:00:00"), "Mars/Olympus", NOW).problem())
                .get().extracting(Schedule.Violation::field).isEqualTo("zone");
    }

    @Test
    void aTimeInThePastIsRefused() {
        assertThat(Schedule.resolve(LocalDateTime.parse("2026-03-28T09:00:00"), "UTC", NOW).problem())
                .get().extracting(Schedule.Violation::field).isEqualTo("scheduledAt");
    }
}
