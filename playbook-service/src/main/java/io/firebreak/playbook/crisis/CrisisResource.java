package io.firebreak.playbook.crisis;

import io.firebreak.events.CrisisStatus;
import io.firebreak.platform.security.Roles;
import io.firebreak.playbook.crisis.CrisisDtos.CrisisView;
import io.firebreak.playbook.crisis.CrisisDtos.NoApologyRequest;
import io.firebreak.playbook.crisis.CrisisDtos.ProposeCrisisRequest;
import io.firebreak.playbook.crisis.CrisisDtos.TransitionRequest;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/crises")
@Tag(name = "Crises", description = "Crises proposed from signals or by hand, and their lifecycle")
public class CrisisResource {

    private final CrisisService service;
    private final SecurityIdentity identity;

    public CrisisResource(CrisisService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Roles.CRISIS_MANAGER, Roles.ADMIN})
    public Uni<Response> propose(@Valid @NotNull ProposeCrisisRequest request, UriInfo uri) {
        return service.propose(request, identity.getPrincipal().getName())
                .map(crisis -> Response.created(uri.getAbsolutePathBuilder().path(crisis.id().toString()).build())
                        .entity(crisis).build());
    }

    @GET
    @RolesAllowed({Roles.CRISIS_MANAGER, Roles.ADMIN, Roles.APPROVER, Roles.COMMUNICATOR, Roles.ANALYST})
    public Uni<List<CrisisView>> list(@QueryParam("status") CrisisStatus status,
                                      @QueryParam("drill") Boolean drill,
                                      @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                      @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return service.list(status, drill, page, size);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.CRISIS_MANAGER, Roles.ADMIN, Roles.APPROVER, Roles.COMMUNICATOR, Roles.ANALYST})
    public Uni<CrisisView> get(@RestPath UUID id) {
        return service.get(id);
    }

    @POST
    @Path("{id}/activate")
    @RolesAllowed(Roles.CRISIS_MANAGER)
    public Uni<CrisisView> activate(@RestPath UUID id, @Valid TransitionRequest request) {
        return transition(id, CrisisStatus.ACTIVE, request);
    }

    @POST
    @Path("{id}/contain")
    @RolesAllowed(Roles.CRISIS_MANAGER)
    public Uni<CrisisView> contain(@RestPath UUID id, @Valid TransitionRequest request) {
        return transition(id, CrisisStatus.CONTAINED, request);
    }

    @POST
    @Path("{id}/resolve")
    @RolesAllowed(Roles.CRISIS_MANAGER)
    public Uni<CrisisView> resolve(@RestPath UUID id, @Valid TransitionRequest request) {
        return transition(id, CrisisStatus.RESOLVED, request);
    }

    @POST
    @Path("{id}/dismiss")
    @RolesAllowed(Roles.CRISIS_MANAGER)
    public Uni<CrisisView> dismiss(@RestPath UUID id, @Valid TransitionRequest request) {
        return transition(id, CrisisStatus.DISMISSED, request);
    }

    /** Records the decision to close without a public apology, which resolving otherwise requires. */
    @POST
    @Path("{id}/no-apology")
    @RolesAllowed(Roles.CRISIS_MANAGER)
    public Uni<CrisisView> decideNotToApologise(@RestPath UUID id, @Valid @NotNull NoApologyRequest request) {
        return service.decideNotToApologise(id, request.reason(), identity.getPrincipal().getName());
    }

    private Uni<CrisisView> transition(UUID id, CrisisStatus to, TransitionRequest request) {
        String reason = request != null ? request.reason() : null;
        return service.transition(id, to, reason, identity.getPrincipal().getName());
    }
}
