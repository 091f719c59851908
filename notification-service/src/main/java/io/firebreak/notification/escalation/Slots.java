package io.firebreak.notification.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Steps due close together are fired together, in one transaction, at the deadline of the last of them: a slot
 * starts at the earliest deadline not yet taken and holds every deadline before its end. Nothing fires before its
 * deadline; a step is at most one slot late for the sake of the others.
 */
final class Slots {

    private Slots() {
    }

    /** One slot: its items, earliest first, and when it fires (its last deadline). */
    record Slot<T>(List<T> items, Instant firesAt) {
    }

    static <T> List<Slot<T>> of(List<T> items, Function<T, Instant> deadline, Duration width) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(deadline));
        List<Slot<T>> slots = new ArrayList<>();
        List<T> current = new ArrayList<>();
        Instant end = null;
        Instant last = null;
        for (T item : sorted) {
            Instant due = deadline.apply(item);
            if (end != null && !due.isBefore(end)) {
                slots.add(new Slot<>(current, last));
                current = new ArrayList<>();
                end = null;
            }
            if (end == null) {
                end = due.plus(width);
            }
            current.add(item);
            last = due;
        }
        if (!current.isEmpty()) {
            slots.add(new Slot<>(current, last));
        }
        return slots;
    }
}
