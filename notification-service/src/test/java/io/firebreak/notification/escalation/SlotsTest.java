package io.firebreak.notification.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlotsTest {

    private static final Instant T = Instant.parse("2026-11-24T06:00:00Z");
    private static final Duration WIDTH = Duration.ofMillis(200);

    private static Instant at(long millis) {
        return T.plusMillis(millis);
    }

    @Test
    void deadlinesWithinOneSlotFireTogetherAtTheLastOfThem() {
        List<Slots.Slot<Instant>> slots = Slots.of(List.of(at(150), at(0), at(199), at(60)), deadline -> deadline,
                WIDTH);

        assertThat(slots).hasSize(1);
        assertThat(slots.get(0).items()).containsExactly(at(0), at(60), at(150), at(199));
        assertThat(slots.get(0).firesAt()).isEqualTo(at(199));
    }

    @Test
    void aDeadlineAtOrAfterTheSlotsEndStartsTheNextSlot() {
        List<Slots.Slot<Instant>> slots = Slots.of(List.of(at(0), at(200), at(390), at(1000)), deadline -> deadline,
                WIDTH);

        assertThat(slots).extracting(Slots.Slot::items)
                .containsExactly(List.of(at(0)), List.of(at(200), at(390)), List.of(at(1000)));
        assertThat(slots).extracting(Slots.Slot::firesAt).containsExactly(at(0), at(390), at(1000));
    }

    @Test
    void noSlotFiresBeforeAnyOfItsDeadlines() {
        List<Instant> deadlines = List.of(at(5), at(17), at(230), at(231), at(450), at(640), at(641), at(900));
        for (Slots.Slot<Instant> slot : Slots.of(deadlines, deadline -> deadline, WIDTH)) {
            assertThat(slot.items()).allSatisfy(deadline -> assertThat(deadline).isBeforeOrEqualTo(slot.firesAt()));
            assertThat(Duration.between(slot.items().get(0), slot.firesAt())).isLessThan(WIDTH);
        }
    }

    @Test
    void nothingClaimedMakesNoSlot() {
        assertThat(Slots.of(List.<Instant>of(), deadline -> deadline, WIDTH)).isEmpty();
    }
}
