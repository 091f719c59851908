package io.firebreak.publishing.crisis;

import io.firebreak.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/publications/crises")
@Tag(name = "Crisis context", description = "The crises publishing knows of, and whether they hold scheduled posts")
@RolesAllowed({Roles.COMMUNICATOR, Roles.CRISIS_MANAGER, Roles.ADMIN})
public class CrisisContextResource {

    private final CrisisContextService service;

    public CrisisContextResource(CrisisContextService service) {
        this.service = service;
    }

    @GET
    public Uni<List<CrisisContextView>> list() {
        return service.list();
    }

    @GET
    @Path("{crisisId}")
    public Uni<CrisisContextView> get(@RestPath UUID crisisId) {
        return service.get(crisisId);
    }
}
