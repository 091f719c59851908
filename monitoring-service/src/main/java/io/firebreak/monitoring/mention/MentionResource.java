package io.firebreak.monitoring.mention;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.monitoring.mention.MentionDtos.IngestionReport;
import io.firebreak.monitoring.mention.MentionDtos.MentionBatch;
import io.firebreak.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/mentions")
@Tag(name = "Mentions", description = "Posts about the brand delivered by connectors and webhooks")
public class MentionResource {

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
}
