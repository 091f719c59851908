package io.firebreak.monitoring.mention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-24T18:05:00.123Z");

    @Test
    void anIdIsAVersion7UuidCarryingTheMillisecondItWasReceived() {
        UUID id = TimeOrderedIds.next(RECEIVED);

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(RECEIVED.toEpochMilli());
        assertThat(id.toString()).startsWith("01a20ebb-855b-7");
    }

    @Test
    void idsSortByTheMillisecondTheyWereReceivedAsPostgresqlComparesThem() {
        List<UUID> ids = new ArrayList<>();
        for (int millis = 0; millis < 1000; millis++) {
            ids.add(TimeOrderedIds.next(RECEIVED.plusMillis(millis)));
        }

        List<UUID> sorted = new ArrayList<>(ids);
        sorted.sort(TimeOrderedIdsTest::compareAsBytes);
        assertThat(sorted).containsExactlyElementsOf(ids);
    }

    @Test
    void idsOfTheSameMillisecondStayDistinct() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            ids.add(TimeOrderedIds.next(RECEIVED));
        }

        assertThat(ids).hasSize(200_000);
    }

    /** PostgreSQL orders uuid values by their 16 bytes, unsigned; Java's UUID.compareTo compares signed longs. */
    private static int compareAsBytes(UUID left, UUID right) {
        int most = Long.compareUnsigned(left.getMostSignificantBits(), right.getMostSignificantBits());
        return most != 0 ? most : Long.compareUnsigned(left.getLeastSignificantBits(),
                right.getLeastSignificantBits());
    }
}
