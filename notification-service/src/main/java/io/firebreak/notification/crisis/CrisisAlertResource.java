package io.firebreak.notification.crisis;

import io.firebreak.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/notifications/crises")
@Tag(name = "Crisis notifications", description = "Who was notified about a crisis, and where each stands")
public class CrisisAlertResource {

    private final CrisisAlertService service;

    public CrisisAlertResource(CrisisAlertService service) {
        this.service = service;
    }

    @GET
    @Path("{crisisId}")
    @RolesAllowed({Roles.CRISIS_MANAGER, Roles.ADMIN})
    public Uni<CrisisAlertView> get(@RestPath UUID crisisId) {
        return service.get(crisisId);
    }
}
