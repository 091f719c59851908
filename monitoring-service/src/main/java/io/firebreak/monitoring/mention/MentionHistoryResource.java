package io.firebreak.monitoring.mention;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.monitoring.mention.MentionDtos.HistoryReport;
import io.firebreak.monitoring.mention.MentionDtos.MentionBatch;
import io.firebreak.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/watches/{id}/history")
@Tag(name = "Watches", description = "What to listen for")
public class MentionHistoryResource {

    private final MentionHistoryService service;
    private final ObjectMapper json;

    public MentionHistoryResource(MentionHistoryService service, ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    /**
     * Up to 1000 past posts (the shape of {@code POST /api/mentions}) counted in the watch's buckets of their
     * publication time, before its first live bucket, so that its detector starts warm. 200 with what was counted;
     * 404 for an unknown watch.
     */
    @POST
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    public Uni<HistoryReport> importHistory(@RestPath UUID id, @Valid @NotNull MentionBatch batch) {
        MentionReader.Read read = MentionReader.read(batch.mentions(), json);
        return service.importHistory(id, read.inputs(), read.unreadable());
    }
}
