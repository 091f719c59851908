package io.firebreak.playbook.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.playbook.review.Timeline.Acknowledgement;
import io.firebreak.playbook.review.Timeline.Delivery;
import io.firebreak.playbook.review.Timeline.Entry;
import io.firebreak.playbook.review.Timeline.Holder;
import io.firebreak.playbook.review.Timeline.KeyTimes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {

    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

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
        KeyTimes times = KeyTimes.of(at(0), at(2), at(10), at(25), at(31), at(120), at(2000));
        assertThat(times.detectToPropose()).isEqualTo(Duration.ofMinutes(2));
        assertThat(times.detectToActivate()).isEqualTo(Duration.ofMinutes(10));
        assertThat(times.activateToFirstStatement()).isEqualTo(Duration.ofMinutes(15));
        assertThat(times.activateToFirstPublication()).isEqualTo(Duration.ofMinutes(21));
        assertThat(times.activateToResolve()).isEqualTo(Duration.ofMinutes(110));
        assertThat(times.detectToResolve()).isEqualTo(Duration.ofMinutes(120));
        assertThat(times.reviewedAt()).isEqualTo(at(2000));
    }

    @Test
    void aCrisisProposedByHandWasDetectedWhenProposed() {
        KeyTimes times = KeyTimes.of(null, at(2), at(10), null, null, null, null);
        assertThat(times.detectedAt()).isEqualTo(at(2));
        assertThat(times.detectToActivate()).isEqualTo(Duration.ofMinutes(8));
    }

    @Test
    void stepsNotTakenLeaveTheirDelaysEmpty() {
        KeyTimes times = KeyTimes.of(at(0), at(0), null, null, null, null, null);
        assertThat(times.detectToActivate()).isNull();
        assertThat(times.activateToFirstPublication()).isNull();
        assertThat(times.activateToResolve()).isNull();
    }

    @Test
    void eachRoleHolderAcknowledgementIsMeasuredFromWhenTheyWereReached() {
        List<Holder> holders = List.of(new Holder("sub-sam", "sam", "spokesperson", false),
                new Holder("sub-ivy", "ivy", "it-liaison", false),
                new Holder("sub-bob", "bob", "spokesperson", true));
        List<Delivery> deliveries = List.of(
                new Delivery("sub-sam", "EMAIL", "QUEUED", null, at(10)),
                new Delivery("sub-sam", "EMAIL", "SENT", null, at(11)),
                new Delivery("sub-sam", "PUSH", "SENT", null, at(12)),
                new Delivery("sub-sam", "IN_APP", "ACKNOWLEDGED", null, at(15)),
                new Delivery("sub-sam", "IN_APP", "ACKNOWLEDGED", null, at(16)),
                new Delivery("sub-ivy", "SMS", "FAILED", "number unreachable", at(11)),
                new Delivery("sub-ivy", "EMAIL", "DELIVERED", null, at(13)),
                new Delivery("sub-other", "EMAIL", "ACKNOWLEDGED", null, at(12)));

        List<Acknowledgement> acks = Timeline.acknowledgements(holders, deliveries, at(10));

        Acknowledgement sam = acks.get(0);
        assertThat(sam.firstReachedAt()).isEqualTo(at(11));
        assertThat(sam.reachedVia()).containsExactly("EMAIL", "PUSH");
        assertThat(sam.acknowledgedAt()).isEqualTo(at(15));
        assertThat(sam.acknowledgedVia()).isEqualTo("IN_APP");
        assertThat(sam.reachedToAcknowledged()).isEqualTo(Duration.ofMinutes(4));
        assertThat(sam.activatedToAcknowledged()).isEqualTo(Duration.ofMinutes(5));

        Acknowledgement ivy = acks.get(1);
        assertThat(ivy.failedVia()).containsExactly("SMS");
        assertThat(ivy.reachedVia()).containsExactly("EMAIL");
        assertThat(ivy.acknowledgedAt()).isNull();
        assertThat(ivy.reachedToAcknowledged()).isNull();

        Acknowledgement bob = acks.get(2);
        assertThat(bob.backup()).isTrue();
        assertThat(bob.firstReachedAt()).isNull();
        assertThat(bob.reachedVia()).isEmpty();
    }
}
