package io.firebreak.playbook.statement;

import io.firebreak.platform.security.Roles;
import io.firebreak.playbook.statement.StatementDtos.DraftRequest;
import io.firebreak.playbook.statement.StatementDtos.StatementView;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** A crisis' statements: drafted here, then approved or cancelled through {@link StatementResource}. */
@Path("/api/crises/{crisisId}/statements")
@Tag(name = "Statements")
public class CrisisStatementResource {

    private final StatementService service;
    private final SecurityIdentity identity;

    public CrisisStatementResource(StatementService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.COMMUNICATOR)
    public Uni<Response> draft(@RestPath UUID crisisId, @Valid @NotNull DraftRequest request) {
        return service.draft(crisisId, request, identity.getPrincipal().getName())
                .map(view -> Response.status(Response.Status.CREATED).entity(view).build());
    }

    @GET
    @RolesAllowed({Roles.COMMUNICATOR, Roles.APPROVER, Roles.CRISIS_MANAGER, Roles.ADMIN})
    public Uni<List<StatementView>> list(@RestPath UUID crisisId) {
        return service.ofCrisis(crisisId);
    }
}
