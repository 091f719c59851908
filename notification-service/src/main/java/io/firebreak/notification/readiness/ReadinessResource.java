package io.firebreak.notification.readiness;

import io.firebreak.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/readiness")
@Tag(name = "Readiness", description = "Who could not be reached and which escalation steps page nobody")
public class ReadinessResource {

    private final ReadinessService service;

    public ReadinessResource(ReadinessService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.CRISIS_MANAGER})
    public Uni<List<ReadinessService.Warning>> warnings() {
        return service.warnings();
    }
}
