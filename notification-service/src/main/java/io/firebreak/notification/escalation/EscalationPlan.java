package io.firebreak.notification.escalation;

import io.firebreak.events.Severity;
import io.firebreak.notification.contact.QuietHours;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An escalation policy as a plan, without framework types: the steps in order, each followed by a wait, run
 * {@code rounds} times. The first step pages the primary holders, which the crisis event itself does.
 */
public record EscalationPlan(List<Step> steps, int rounds) {

    public static final int MAX_STEPS = 10;
    public static final int MAX_ROUNDS = 10;
    public static final int MAX_WAIT_MINUTES = 24 * 60;

    public enum Target { PRIMARY, BACKUP, CRISIS_MANAGER }

    /** The channels a step may page on. */
    public enum Channel { EMAIL, SMS, PUSH }

    /** A step pages its target on {@code channels}, or on all of each person's channels when none are named. */
    public record Step(Target target, int waitMinutes, List<Channel> channels) {

        public Step(Target target, int waitMinutes) {
            this(target, waitMinutes, null);
        }

        /** The channels this step pages on. */
        public Set<Channel> pagesOn() {
            return channels == null ? EnumSet.allOf(Channel.class) : EnumSet.copyOf(channels);
        }
    }

    /** Where a running escalation stands: the step to fire next, in which round. */
    public record Position(int step, int round) {
    }

    /** Why the plan cannot work, each reason naming its field; empty when it can. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (steps == null || steps.isEmpty() || steps.size() > MAX_STEPS) {
            problems.add("steps: between 1 and " + MAX_STEPS + " steps");
            return problems;
        }
        if (steps.get(0).target() != Target.PRIMARY) {
            problems.add("steps[0].target: the first step pages the PRIMARY holders");
        }
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (step.target() == null) {
                problems.add("steps[" + i + "].target: required");
            }
            if (step.waitMinutes() < 1 || step.waitMinutes() > MAX_WAIT_MINUTES) {
                problems.add("steps[" + i + "].waitMinutes: between 1 and " + MAX_WAIT_MINUTES);
            }
            if (step.channels() != null && (step.channels().isEmpty() || step.channels().contains(null))) {
                problems.add("steps[" + i + "].channels: at least one of EMAIL, SMS, PUSH (or none given: all)");
            }
        }
        if (rounds < 1 || rounds > MAX_ROUNDS) {
            problems.add("rounds: between 1 and " + MAX_ROUNDS);
        }
        return problems;
    }

    /** After the crisis event paged the primary holders: the first escalation step and how long to wait for it. */
    public Optional<Scheduled> start() {
        return following(new Position(0, 0));
    }

    /** Having fired {@code fired}: the next position and the wait before it, or nothing when the plan is over. */
    public Optional<Scheduled> following(Position fired) {
        Duration delay = Duration.ofMinutes(steps.get(fired.step()).waitMinutes());
        if (fired.step() + 1 < steps.size()) {
            return Optional.of(new Scheduled(new Position(fired.step() + 1, fired.round()), delay));
        }
        if (fired.round() + 1 < rounds) {
            return Optional.of(new Scheduled(new Position(0, fired.round() + 1), delay));
        }
        return Optional.empty();
    }

    /** Quiet hours hold every page but those of critical crises. */
    public static boolean mayPage(Severity severity, Optional<QuietHours> quietHours, Instant now) {
        return severity == Severity.CRITICAL || quietHours.map(quiet -> !quiet.contains(now)).orElse(true);
    }

    /**
     * The steps that would page nobody, given whether the role has primary holders, backups and whether the
     * crisis has managers: each such step only burns its wait.
     */
    public List<Integer> emptySteps(boolean primaries, boolean backups, boolean managers) {
        List<Integer> empty = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            boolean reachable = switch (steps.get(i).target()) {
                case PRIMARY -> primaries;
                case BACKUP -> backups;
                case CRISIS_MANAGER -> managers;
            };
            if (!reachable) {
                empty.add(i);
            }
        }
        return empty;
    }

    public Step step(Position position) {
        return steps.get(position.step());
    }

    public record Scheduled(Position position, Duration delay) {
    }
}
