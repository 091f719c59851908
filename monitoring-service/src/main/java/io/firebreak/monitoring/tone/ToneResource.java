package io.firebreak.monitoring.tone;

import io.firebreak.monitoring.tone.ToneDtos.ToneRequest;
import io.firebreak.monitoring.tone.ToneDtos.ToneView;
import io.firebreak.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/tone")
@Tag(name = "Tone", description = "Is a draft statement courteous? Flagged passages with offsets, and a verdict")
public class ToneResource {

    private final ToneService service;
    private final SecurityIdentity identity;

    public ToneResource(ToneService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    /** playbook-service calls this before a statement is approved, with its own client-credentials token. */
    @POST
    @RolesAllowed({Roles.COMMUNICATOR, Roles.APPROVER, Roles.CRISIS_MANAGER, Roles.ADMIN, Roles.ANALYST})
    public ToneView check(@Valid @NotNull ToneRequest request) {
        return service.check(request, identity.getPrincipal().getName());
    }
}
