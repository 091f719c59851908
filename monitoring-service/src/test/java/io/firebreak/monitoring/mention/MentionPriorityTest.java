package io.firebreak.monitoring.mention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MentionPriorityTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void tenTimesTheAudienceIsOnePoint() {
        double small = MentionPriority.intrinsic(99L, 0L, "neutral", 0, false);
        double large = MentionPriority.intrinsic(990L, 9L, "neutral", 0, false);

        assertThat(large - small).isCloseTo(1.0, within(1e-9));
        assertThat(MentionPriority.intrinsic(null, null, "neutral", 0, false)).isZero();
    }

    @Test
    void negativityAndQuestionsRaiseThePriority() {
        double neutral = MentionPriority.intrinsic(100L, 0L, "neutral", 0, false);
        double negative = MentionPriority.intrinsic(100L, 0L, "negative", -0.8, false);
        double negativeQuestion = MentionPriority.intrinsic(100L, 0L, "negative", -0.8, true);
        double positive = MentionPriority.intrinsic(100L, 0L, "positive", 0.9, false);

        assertThat(negative).isCloseTo(neutral + MentionPriority.NEGATIVE_LABEL + 0.8, within(1e-9));
        assertThat(negativeQuestion).isCloseTo(negative + MentionPriority.QUESTION, within(1e-9));
        assertThat(positive).isEqualTo(neutral);
    }

    @Test
    void sixHoursOfAgeCostOnePointWhateverTheTimeOfReading() {
        double intrinsic = 3.0;
        double fresh = MentionPriority.rank(intrinsic, NOW);
        double older = MentionPriority.rank(intrinsic, NOW.minus(Duration.ofHours(6)));

        assertThat(MentionPriority.priority(fresh, NOW)).isCloseTo(3.0, within(1e-9));
        assertThat(MentionPriority.priority(older, NOW)).isCloseTo(2.0, within(1e-9));
        // Read a day later, both lost the same: the order is the rank's, fixed when the mention was stored.
        Instant later = NOW.plus(Duration.ofDays(1));
        assertThat(MentionPriority.priority(fresh, later) - MentionPriority.priority(older, later))
                .isCloseTo(1.0, within(1e-9));
    }

    @Test
    void aBigOlderPostCanOutrankASmallFreshOne() {
        double bigYesterday = MentionPriority.rank(MentionPriority.intrinsic(1_000_000L, 0L, "negative", -0.5, false),
                NOW.minus(Duration.ofHours(12)));
        double smallNow = MentionPriority.rank(MentionPriority.intrinsic(10L, 0L, "neutral", 0, false), NOW);

        assertThat(bigYesterday).isGreaterThan(smallNow);
    }
}
