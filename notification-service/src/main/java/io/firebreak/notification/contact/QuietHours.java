package io.firebreak.notification.contact;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/** A daily window, in the person's time zone, when only critical crises may wake them; may span midnight. */
public record QuietHours(LocalTime from, LocalTime until, ZoneId zone) {

    public boolean contains(Instant instant) {
        LocalTime local = instant.atZone(zone).toLocalTime();
        if (from.equals(until)) {
            return false;
        }
        return from.isBefore(until)
                ? !local.isBefore(from) && local.isBefore(until)
                : !local.isBefore(from) || local.isBefore(until);
    }
}
