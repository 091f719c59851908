package io.firebreak.playbook.assignment;

import io.firebreak.platform.security.Roles;
import io.firebreak.playbook.assignment.AssignmentDtos.AssignRequest;
import io.firebreak.playbook.assignment.AssignmentDtos.AssignmentView;
import io.quarkus.security.identity.SecurityIdentity;
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

/** Who holds which playbook role on a crisis: managed by crisis managers (and admins), seen only by them. */
@Path("/api/crises/{crisisId}/assignments")
@Tag(name = "Assignments", description = "People on a crisis' playbook roles, with their checklists")
@RolesAllowed({Roles.CRISIS_MANAGER, Roles.ADMIN})
public class AssignmentResource {

    private final AssignmentService service;
    private final SecurityIdentity identity;

    public AssignmentResource(AssignmentService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    public Uni<Response> assign(@RestPath UUID crisisId, @Valid @NotNull AssignRequest request) {
        return service.assign(crisisId, request, identity.getPrincipal().getName())
                .map(view -> Response.status(Response.Status.CREATED).entity(view).build());
    }

    @GET
    public Uni<List<AssignmentView>> list(@RestPath UUID crisisId) {
        return service.ofCrisis(crisisId);
    }

    @DELETE
    @Path("{assignmentId}")
    public Uni<Response> unassign(@RestPath UUID crisisId, @RestPath UUID assignmentId) {
        return service.unassign(crisisId, assignmentId, identity.getPrincipal().getName())
                .map(ignored -> Response.noContent().build());
    }
}
