package io.firebreak.playbook.playbook;

import io.firebreak.platform.security.Roles;
import io.firebreak.playbook.playbook.PlaybookDtos.PlaybookSummary;
import io.firebreak.playbook.playbook.PlaybookDtos.PlaybookView;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/playbooks")
@Tag(name = "Playbooks", description = "Crisis plans written in peacetime, versioned")
public class PlaybookResource {

    private final PlaybookService service;
    private final SecurityIdentity identity;

    public PlaybookResource(PlaybookService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Uni<Response> create(@NotNull PlaybookDefinition definition, UriInfo uri) {
        return service.create(definition, identity.getPrincipal().getName())
                .map(view -> Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build())
                        .entity(view).build());
    }

    /**
     * Saves the body as the next version; earlier versions stay as they were. {@code addresses} (repeatable): open
     * lessons of this playbook that the new version addresses.
     */
    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<PlaybookView> revise(@RestPath UUID id, @NotNull PlaybookDefinition definition,
                                    @RestQuery List<UUID> addresses) {
        return service.revise(id, definition, addresses, identity.getPrincipal().getName());
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.CRISIS_MANAGER, Roles.COMMUNICATOR, Roles.APPROVER})
    public Uni<List<PlaybookSummary>> list() {
        return service.list();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.CRISIS_MANAGER, Roles.COMMUNICATOR, Roles.APPROVER})
    public Uni<PlaybookView> current(@RestPath UUID id) {
        return service.current(id);
    }

    @GET
    @Path("{id}/versions/{version}")
    @RolesAllowed({Roles.ADMIN, Roles.CRISIS_MANAGER, Roles.COMMUNICATOR, Roles.APPROVER})
    public Uni<PlaybookView> version(@RestPath UUID id, @RestPath @Min(1) int version) {
        return service.version(id, version);
    }
}
