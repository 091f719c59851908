package io.firebreak.playbook.reply;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.playbook.reply.ReplyStats.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyStatsTest {

    private static final Instant T0 = Instant.parse("2026-05-01T09:00:00Z");

    private static Answer after(int minutes) {
        return new Answer(T0, T0.plus(Duration.ofMinutes(minutes)));
    }

    @Test
    void medianOfAnOddNumberIsTheMiddleOne() {
        assertThat(ReplyStats.medianAnswerTime(List.of(after(30), after(5), after(12)))).isEqualTo(Duration.ofMinutes(12));
    }

    @Test
    void medianOfAnEvenNumberIsTheMeanOfTheMiddleTwo() {
        assertThat(ReplyStats.medianAnswerTime(List.of(after(10), after(40), after(20), after(90))))
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void answersWithoutBothTimesAreLeftOutAndNoneGivesNull() {
        assertThat(ReplyStats.medianAnswerTime(List.of(new Answer(null, T0), after(8)))).isEqualTo(Duration.ofMinutes(8));
        assertThat(ReplyStats.medianAnswerTime(List.of())).isNull();
    }
}
