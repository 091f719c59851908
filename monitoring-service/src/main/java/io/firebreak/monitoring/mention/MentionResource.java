package io.firebreak.monitoring.mention;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.monitoring.mention.MentionDtos.IngestionReport;
import io.firebreak.monitoring.mention.MentionDtos.MentionBatch;
import io.firebreak.monitoring.mention.MentionDtos.MentionView;
import io.firebreak.platform.problem.Problem;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/mentions")
@Tag(name = "Mentions", description = "Posts about the brand delivered by connectors and webhooks")
public class MentionResource {

    static final int MAX_PAGE_SIZE = 100;
    private static final Set<String> SENTIMENTS = Set.of("negative", "neutral", "positive");

    private final MentionService service;
    private final ObjectMapper json;

    public MentionResource(MentionService service, ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    /**
     * Up to 1000 mentions. 200 with, per record, the stored mention (sentiment, matched watches), or the
     * reason it was rejected (a wrong-typed field rejects only its record); duplicates (same source and external
     * id) are counted, not stored twice.
     */
    @POST
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    public Uni<IngestionReport> ingest(@Valid @NotNull MentionBatch batch) {
        MentionReader.Read read = MentionReader.read(batch.mentions(), json);
        return service.ingest(read.inputs(), read.unreadable());
    }

    /**
     * The inbox of a watch: its mentions, most urgent first (influence, negativity, a question asked, recency; ties
     * newest first), published in [{@code since}, {@code until}), filtered by source, language, sentiment label and
     * author. Parameters are read by hand so that a malformed one is a 400 naming it, never a 404.
     */
    @GET
    @RolesAllowed({Roles.ANALYST, Roles.COMMUNICATOR, Roles.CRISIS_MANAGER, Roles.ADMIN})
    public Uni<List<MentionView>> list(@QueryParam("watch") String watch,
                                       @QueryParam("since") String since,
                                       @QueryParam("until") String until,
                                       @QueryParam("source") String source,
                                       @QueryParam("language") String language,
                                       @QueryParam("sentiment") String sentiment,
                                       @QueryParam("author") String author,
                                       @QueryParam("page") String page,
                                       @QueryParam("size") String size) {
        if (watch == null || watch.isBlank()) {
            throw invalid("watch", "is required: the id of the watch whose mentions to list");
        }
        UUID watchId = uuid(watch);
        Instant from = instant("since", since);
        Instant to = instant("until", until);
        if (from != null && to != null && !from.isBefore(to)) {
            throw invalid("until", "must be after since");
        }
        if (sentiment != null && !SENTIMENTS.contains(sentiment)) {
            throw invalid("sentiment", "must be one of negative, neutral, positive");
        }
        int pageNumber = integer("page", page, 0, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE);
        int pageSize = integer("size", size, 20, 1, MAX_PAGE_SIZE);
        MentionFilter filter = new MentionFilter(watchId, from, to, blankToNull(source), blankToNull(language),
                sentiment, blankToNull(author));
        return service.inbox(filter, pageNumber, pageSize);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ANALYST, Roles.COMMUNICATOR, Roles.CRISIS_MANAGER, Roles.ADMIN})
    public Uni<MentionView> get(@RestPath UUID id) {
        return service.get(id);
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw invalid("watch", "must be a watch id (UUID)");
        }
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(name, "must be an ISO-8601 instant such as 2026-11-23T10:00:00Z");
        }
    }

    private static int integer(String name, String value, int absent, int min, int max) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid(name, "must be a whole number from " + min + " to " + max);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static ProblemException invalid(String parameter, String message) {
        return ProblemException.invalid("invalid-filter", parameter + " " + message,
                List.of(new Problem.FieldError(parameter, message)));
    }
}
