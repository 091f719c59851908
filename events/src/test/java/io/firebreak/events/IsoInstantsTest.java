package io.firebreak.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantsTest {

    private static final long FIRST_SECOND_OF_0000 = LocalDate.of(0, 1, 1).toEpochDay() * 86_400;
    private static final long LAST_SECOND_OF_9999 = LocalDate.of(10_000, 1, 1).toEpochDay() * 86_400 - 1;

    /** Instants over years 0000-9999 with whole seconds and milli-, micro- and nanosecond fractions. */
    static Stream<Instant> randomInstants() {
        Random random = new Random(20261123);
        return Stream.generate(() -> {
            long second = FIRST_SECOND_OF_0000
                    + (long) (random.nextDouble() * (LAST_SECOND_OF_9999 - FIRST_SECOND_OF_0000 + 1));
            int nanos = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            return Instant.ofEpochSecond(second, nanos);
        }).limit(300_000);
    }

    @Test
    void parsesWhatInstantWrites() {
        randomInstants().forEach(instant -> assertThat(IsoInstants.parseOrNull(instant.toString()))
                .as(instant.toString()).isEqualTo(instant));
    }

    @Test
    void parsesEveryFractionLengthLikeInstantParse() {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            int digits = 1 + random.nextInt(9);
            String fraction = String.format("%09d", random.nextInt(1_000_000_000)).substring(0, digits);
            String text = "2026-11-23T10:00:0" + random.nextInt(10) + "." + fraction + "Z";
            assertThat(IsoInstants.parseOrNull(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23T10:00:00.1Z", "2026-11-23T10:00:00.12Z", "2026-11-23T10:00:00.1234Z",
            "2026-11-23T10:00:00.12345Z", "2026-11-23T10:00:00.1234567Z", "2026-11-23T10:00:00.12345678Z",
            "2024-02-29T00:00:00Z", "2000-02-29T23:59:59Z", "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z"})
    void parsesLikeInstantParse(String text) {
        assertThat(IsoInstants.parseOrNull(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23T10:00:00+02:00", "2026-11-23t10:00:00z", "2026-02-29T00:00:00Z",
            "1900-02-29T00:00:00Z", "2026-11-31T00:00:00Z", "2026-11-00T00:00:00Z", "2026-11-23T24:00:00Z",
            "2026-11-23T23:60:00Z", "2026-11-23T23:59:60Z", "2026-13-01T00:00:00Z", "2026-00-01T00:00:00Z",
            "2026-11-23T10:00:00.Z", "2026-11-23T10:00:00.1234567890Z", "2026-11-23T10:00:00.12a4Z",
            "+12026-11-23T10:00:00Z", "12026-11-23T10:00:00Z", "-2026-11-23T10:00:00Z", "2026-11-23 10:00:00Z",
            "2026-11-23T10:00:00", "2026-11-23T10:00Z", " 2026-11-23T10:00:00Z", "2026-11-23T10:00:00Z ",
            "2026-1a-23T10:00:00Z", "2026-11-23T10:00:00,5Z", ""})
    void leavesAnyOtherFormToTheStandardParser(String text) {
        assertThat(IsoInstants.parseOrNull(text)).isNull();
    }

    @Test
    void formatsLikeInstantToString() {
        randomInstants().forEach(instant -> assertThat(IsoInstants.format(instant)).isEqualTo(instant.toString()));
    }

    @Test
    void formatsInstantsOutsideYears0000To9999LikeInstantToString() {
        Stream.of(Instant.MIN, Instant.MAX, Instant.ofEpochSecond(FIRST_SECOND_OF_0000 - 1, 500_000_000),
                        Instant.ofEpochSecond(LAST_SECOND_OF_9999 + 1),
                        Instant.ofEpochSecond(LAST_SECOND_OF_9999 + 1, 1),
                        Instant.parse("+12026-11-23T10:00:00.123Z"), Instant.parse("-2026-11-23T10:00:00Z"))
                .forEach(instant -> assertThat(IsoInstants.format(instant)).isEqualTo(instant.toString()));
    }

    @Test
    void formatsTheEdgesOfTheFastRange() {
        assertThat(IsoInstants.format(Instant.ofEpochSecond(FIRST_SECOND_OF_0000))).isEqualTo("0000-01-01T00:00:00Z");
        assertThat(IsoInstants.format(Instant.ofEpochSecond(LAST_SECOND_OF_9999, 999_999_999)))
                .isEqualTo("9999-12-31T23:59:59.999999999Z");
        assertThat(IsoInstants.format(Instant.ofEpochSecond(0, 120_000_000))).isEqualTo("1970-01-01T00:00:00.120Z");
        assertThat(IsoInstants.format(Instant.ofEpochSecond(-1, 1000))).isEqualTo("1969-12-31T23:59:59.000001Z");
    }
}
