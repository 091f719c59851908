package io.firebreak.playbook.statement;

import io.firebreak.platform.security.Roles;
import io.firebreak.playbook.statement.StatementDtos.ApproveRequest;
import io.firebreak.playbook.statement.StatementDtos.CancelRequest;
import io.firebreak.playbook.statement.StatementDtos.EditRequest;
import io.firebreak.playbook.statement.StatementDtos.StatementView;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/statements")
@Tag(name = "Statements", description = "Drafted from templates, tone-checked, approved by someone else, scheduled")
public class StatementResource {

    private final StatementService service;
    private final SecurityIdentity identity;

    public StatementResource(StatementService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.COMMUNICATOR, Roles.APPROVER, Roles.CRISIS_MANAGER, Roles.ADMIN})
    public Uni<StatementView> get(@RestPath UUID id) {
        return service.get(id);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.COMMUNICATOR)
    public Uni<StatementView> edit(@RestPath UUID id, @Valid @NotNull EditRequest request) {
        return service.edit(id, request.text(), user());
    }

    @POST
    @Path("{id}/tone-check")
    @RolesAllowed({Roles.COMMUNICATOR, Roles.APPROVER})
    public Uni<StatementView> checkTone(@RestPath UUID id) {
        return service.checkTone(id);
    }

    /** Checks the draft against its target channels' rules now (again, after publishing-service was away). */
    @POST
    @Path("{id}/channel-check")
    @RolesAllowed({Roles.COMMUNICATOR, Roles.APPROVER})
    public Uni<StatementView> checkChannels(@RestPath UUID id) {
        return service.checkChannels(id);
    }

    @POST
    @Path("{id}/approve")
    @RolesAllowed(Roles.APPROVER)
    public Uni<StatementView> approve(@RestPath UUID id, @Valid ApproveRequest request) {
        return service.approve(id, request, user());
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed(Roles.COMMUNICATOR)
    public Uni<StatementView> cancel(@RestPath UUID id, @Valid CancelRequest request) {
        return service.cancel(id, user());
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
