package io.firebreak.notification.escalation;

import io.firebreak.events.Severity;
import io.firebreak.notification.escalation.EscalationDtos.EscalationView;
import io.firebreak.notification.escalation.EscalationDtos.PolicyRequest;
import io.firebreak.notification.escalation.EscalationDtos.PolicyView;
import io.firebreak.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api")
@Tag(name = "Escalation", description = "Who is paged next when nobody acknowledges, per crisis severity")
public class EscalationPolicyResource {

    private final EscalationService service;
    private final JsonWebToken token;

    public EscalationPolicyResource(EscalationService service, JsonWebToken token) {
        this.service = service;
        this.token = token;
    }

    @GET
    @Path("escalation-policies")
    @RolesAllowed({Roles.ADMIN, Roles.CRISIS_MANAGER})
    public Uni<List<PolicyView>> policies() {
        return service.policies();
    }

    @GET
    @Path("escalation-policies/{severity}")
    @RolesAllowed({Roles.ADMIN, Roles.CRISIS_MANAGER})
    public Uni<PolicyView> policy(@RestPath Severity severity) {
        return service.policy(severity);
    }

    @PUT
    @Path("escalation-policies/{severity}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<PolicyView> define(@RestPath Severity severity, @Valid @NotNull PolicyRequest request) {
        return service.define(severity, request, token.getName());
    }

    @DELETE
    @Path("escalation-policies/{severity}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Response> remove(@RestPath Severity severity) {
        return service.remove(severity).map(ignored -> Response.noContent().build());
    }

    /** Where each role's escalation stands on a crisis: running (next step, due), stopped by an ack, or done. */
    @GET
    @Path("escalations")
    @RolesAllowed({Roles.ADMIN, Roles.CRISIS_MANAGER})
    public Uni<List<EscalationView>> ofCrisis(@RestQuery @NotNull UUID crisisId) {
        return service.ofCrisis(crisisId);
    }
}
