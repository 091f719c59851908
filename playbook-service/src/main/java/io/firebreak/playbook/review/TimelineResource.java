package io.firebreak.playbook.review;

import io.firebreak.platform.security.Roles;
import io.firebreak.playbook.review.TimelineService.TimelineView;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/crises/{id}/timeline")
@Tag(name = "Review", description = "What happened during a crisis, in order, and how fast")
public class TimelineResource {

    private final TimelineService service;

    public TimelineResource(TimelineService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.CRISIS_MANAGER, Roles.ADMIN, Roles.APPROVER, Roles.COMMUNICATOR, Roles.ANALYST})
    public Uni<TimelineView> timeline(@RestPath UUID id) {
        return service.of(id);
    }
}
