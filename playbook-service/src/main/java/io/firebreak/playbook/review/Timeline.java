package io.firebreak.playbook.review;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** One merged, time-ordered story of a crisis, and the key times and delays a review looks at first. */
public final class Timeline {

    /** Delivery states that mean the person was reached on that channel. */
    private static final Set<String> REACHED = Set.of("SENT", "DELIVERED");
    static final String ACKNOWLEDGED = "ACKNOWLEDGED";

    private Timeline() {
    }

    /** Something that happened: {@code kind} such as {@code transition}, {@code assignment}, {@code statement}. */
    public record Entry(Instant at, String kind, String actor, String summary) {
    }

    /**
     * Detected (the signal) → proposed → activated → first statement approved → first statement published →
     * resolved → reviewed, and the delays between them; a step that has not happened is null, and so is every
     * delay that depends on it. A crisis proposed by hand was detected when it was proposed.
     */
    public record KeyTimes(Instant detectedAt, Instant proposedAt, Instant activatedAt, Instant firstStatementAt,
                           Instant firstStatementPublishedAt, Instant resolvedAt, Instant reviewedAt,
                           Duration detectToPropose, Duration detectToActivate, Duration activateToFirstStatement,
                           Duration activateToFirstPublication, Duration activateToResolve,
                           Duration detectToResolve) {

        public static KeyTimes of(Instant detected, Instant proposed, Instant activated, Instant firstStatement,
                                  Instant firstPublished, Instant resolved, Instant reviewed) {
            Instant detectedOrProposed = detected != null ? detected : proposed;
            return new KeyTimes(detectedOrProposed, proposed, activated, firstStatement, firstPublished, resolved,
                    reviewed, between(detectedOrProposed, proposed), between(detectedOrProposed, activated),
                    between(activated, firstStatement), between(activated, firstPublished),
                    between(activated, resolved), between(detectedOrProposed, resolved));
        }
    }

    /** A role holder on the crisis. */
    public record Holder(String subject, String username, String role, boolean backup) {
    }

    /** What notification-service reported about one notification to one person. */
    public record Delivery(String recipient, String channel, String state, String error, Instant at) {
    }

    /**
     * How fast one role holder was reached and acknowledged: first reached (sent or delivered) on which channels,
     * acknowledged when and how; delays from being reached and from the crisis' activation. Nulls for what has not
     * happened.
     */
    public record Acknowledgement(String role, boolean backup, String subject, String username,
                                  Instant firstReachedAt, List<String> reachedVia, List<String> failedVia,
                                  Instant acknowledgedAt, String acknowledgedVia,
                                  Duration reachedToAcknowledged, Duration activatedToAcknowledged) {
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

    /** One line per role holder (in the order given), from the deliveries addressed to their subject. */
    public static List<Acknowledgement> acknowledgements(List<Holder> holders, List<Delivery> deliveries,
                                                         Instant activatedAt) {
        return holders.stream().map(holder -> {
            List<Delivery> theirs = deliveries.stream().filter(d -> d.recipient().equals(holder.subject()))
                    .sorted(Comparator.comparing(Delivery::at)).toList();
            Instant reached = theirs.stream().filter(d -> REACHED.contains(d.state())).map(Delivery::at)
                    .findFirst().orElse(null);
            Delivery ack = theirs.stream().filter(d -> ACKNOWLEDGED.equals(d.state())).findFirst().orElse(null);
            Instant acknowledged = ack == null ? null : ack.at();
            return new Acknowledgement(holder.role(), holder.backup(), holder.subject(), holder.username(), reached,
                    channels(theirs, REACHED), channels(theirs, Set.of("FAILED")), acknowledged,
                    ack == null ? null : ack.channel(), between(reached, acknowledged),
                    between(activatedAt, acknowledged));
        }).toList();
    }

    private static List<String> channels(List<Delivery> deliveries, Set<String> states) {
        Set<String> channels = new LinkedHashSet<>();
        deliveries.stream().filter(d -> states.contains(d.state())).map(Delivery::channel)
                .filter(Objects::nonNull).forEach(channels::add);
        return List.copyOf(channels);
    }

    private static Duration between(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to);
    }
}
