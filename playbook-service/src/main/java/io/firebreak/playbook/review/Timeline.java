package io.firebreak.playbook.review;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** One merged, time-ordered story of a crisis, and the key times a review looks at first. */
public final class Timeline {

    private Timeline() {
    }

    /** Something that happened: {@code kind} such as {@code transition}, {@code assignment}, {@code statement}. */
    public record Entry(Instant at, String kind, String actor, String summary) {
    }

    /**
     * Detect (crisis proposed) → activate → first statement approved → resolve, and the delays between them;
     * a step that has not happened is null, and so is every delay that depends on it.
     */
    public record KeyTimes(Instant detectedAt, Instant activatedAt, Instant firstStatementAt, Instant resolvedAt,
                           Duration detectToActivate, Duration activateToFirstStatement, Duration activateToResolve) {

        public static KeyTimes of(Instant detected, Instant activated, Instant firstStatement, Instant resolved) {
            return new KeyTimes(detected, activated, firstStatement, resolved, between(detected, activated),
                    between(activated, firstStatement), between(activated, resolved));
        }

        private static Duration between(Instant from, Instant to) {
            return from == null || to == null ? null : Duration.between(from, to);
        }
    }

    /** All entries in time order; entries at the same instant keep the order of the sources given. */
    @SafeVarargs
    public static List<Entry> merge(List<Entry>... sources) {
        List<Entry> all = new ArrayList<>();
        for (List<Entry> source : sources) {
            all.addAll(source);
        }
        all.sort(Comparator.comparing(Entry::at));
        return all;
    }
}
