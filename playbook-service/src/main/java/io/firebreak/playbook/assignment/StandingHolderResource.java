package io.firebreak.playbook.assignment;

import io.firebreak.platform.security.Roles;
import io.firebreak.playbook.assignment.AssignmentDtos.AssignRequest;
import io.firebreak.playbook.assignment.AssignmentDtos.HolderView;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** Peacetime holders of a playbook's roles (primary or backup), assigned to each crisis on activation. */
@Path("/api/playbooks/{playbookId}/holders")
@Tag(name = "Assignments")
@RolesAllowed({Roles.CRISIS_MANAGER, Roles.ADMIN})
public class StandingHolderResource {

    private final AssignmentService service;

    public StandingHolderResource(AssignmentService service) {
        this.service = service;
    }

    @POST
    public Uni<Response> add(@RestPath UUID playbookId, @Valid @NotNull AssignRequest request) {
        return service.addHolder(playbookId, request)
                .map(view -> Response.status(Response.Status.CREATED).entity(view).build());
    }

    @GET
    public Uni<List<HolderView>> list(@RestPath UUID playbookId) {
        return service.holdersOf(playbookId);
    }

    @DELETE
    @Path("{holderId}")
    public Uni<Response> remove(@RestPath UUID playbookId, @RestPath UUID holderId) {
        return service.removeHolder(playbookId, holderId).map(ignored -> Response.noContent().build());
    }
}
