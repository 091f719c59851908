package io.firebreak.monitoring.bucket;

import io.firebreak.monitoring.bucket.SeriesDtos.Series;
import io.firebreak.platform.problem.Problem.FieldError;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/watches/{id}/series")
@Tag(name = "Watches", description = "What to listen for")
public class SeriesResource {

    /** Enough for a day of 1-minute buckets at full resolution, and no chart needs more. */
    static final int MAX_POINTS = 2000;
    private static final Duration DEFAULT_RANGE = Duration.ofDays(1);
    private static final Pattern SHORT_STEP = Pattern.compile("(\\d{1,6})([smhd])");

    private final BucketService service;
    private final BucketCloser closer;
    private final Clock clock;

    public SeriesResource(BucketService service, BucketCloser closer, Clock clock) {
        this.service = service;
        this.closer = closer;
        this.clock = clock;
    }

    /**
     * The watch's series for charts. {@code from} and {@code to} are ISO-8601 instants (default: the last 24 hours),
     * aligned on the bucket grid; {@code step} is an ISO-8601 duration ({@code PT5M}) or a short one ({@code 5m}),
     * a multiple of the bucket length (default: one bucket); at most 2000 points.
     */
    @GET
    @RolesAllowed({Roles.ANALYST, Roles.CRISIS_MANAGER, Roles.ADMIN})
    public Uni<Series> series(@RestPath UUID id, @QueryParam("from") String from, @QueryParam("to") String to,
                              @QueryParam("step") String step) {
        BucketGrid grid = closer.grid();
        List<FieldError> errors = new ArrayList<>();
        Instant end = to == null ? grid.next(grid.floor(clock.instant())) : instant("to", to, errors);
        Instant start = from == null ? (end == null ? null : end.minus(DEFAULT_RANGE)) : instant("from", from, errors);
        Duration stepLength = step == null ? grid.length() : duration(step, errors);
        if (errors.isEmpty() && !start.isBefore(end)) {
            errors.add(new FieldError("from", "must be before to"));
        }
        if (errors.isEmpty() && (stepLength.isNegative() || stepLength.isZero()
                || stepLength.toMillis() % grid.length().toMillis() != 0)) {
            errors.add(new FieldError("step", "must be a positive multiple of the bucket length " + grid.length()));
        }
        if (errors.isEmpty()) {
            start = grid.floor(start);
            end = grid.floor(end).equals(end) ? end : grid.next(grid.floor(end));
            long points = (Duration.between(start, end).toMillis() + stepLength.toMillis() - 1) / stepLength.toMillis();
            if (points > MAX_POINTS) {
                errors.add(new FieldError("step", "gives " + points + " points; at most " + MAX_POINTS
                        + ": widen the step or narrow the range"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("invalid-series", errors.get(0).field() + " " + errors.get(0).message(),
                    errors);
        }
        return service.series(id, start, end, stepLength);
    }

    private static Instant instant(String field, String value, List<FieldError> errors) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 instant such as 2026-11-23T10:00:00Z"));
            return null;
        }
    }

    private static Duration duration(String value, List<FieldError> errors) {
        Matcher shortForm = SHORT_STEP.matcher(value.toLowerCase(Locale.ROOT));
        if (shortForm.matches()) {
            long amount = Long.parseLong(shortForm.group(1));
            return switch (shortForm.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("step", "must be a duration such as PT5M or 5m"));
            return Duration.ZERO;
        }
    }
}
