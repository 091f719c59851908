package io.firebreak.playbook.statement;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * When an approved statement goes out: now, or at a wall-clock time in an explicit time zone (a crisis team
 * in Paris schedules "09:00 Europe/Paris", not an offset it has to work out).
 */
public final class Schedule {

    private Schedule() {
    }

    /** The instant to publish at, or why the request cannot be scheduled. */
    public static Result resolve(LocalDateTime localTime, String zone, Instant now) {
        if (localTime == null) {
            return new Result(now, null);
        }
        if (zone == null || zone.isBlank()) {
            return Result.invalid("zone", "a scheduled time needs an explicit time zone, such as Europe/Paris");
        }
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone);
        } catch (DateTimeException e) {
            return Result.invalid("zone", "unknown time zone " + zone);
        }
        Instant at = localTime.atZone(zoneId).toInstant();
        if (at.isBefore(now)) {
            return Result.invalid("scheduledAt", "is in the past in " + zone);
        }
        return new Result(at, null);
    }

    public record Violation(String field, String message) {
    }

    public record Result(Instant at, Violation violation) {

        static Result invalid(String field, String message) {
            return new Result(null, new Violation(field, message));
        }

        public Optional<Violation> problem() {
            return Optional.ofNullable(violation);
        }
    }
}
