package io.firebreak.monitoring.signal;

import io.firebreak.monitoring.signal.SignalDtos.RaiseSignalRequest;
import io.firebreak.monitoring.signal.SignalDtos.SignalView;
import io.firebreak.platform.security.Roles;
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

@Path("/api/signals")
@Tag(name = "Signals", description = "Surges of criticism detected on a watch, or raised by an analyst")
public class SignalResource {

    private final SignalService service;
    private final SecurityIdentity identity;

    public SignalResource(SignalService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    public Uni<Response> raise(@Valid @NotNull RaiseSignalRequest request, UriInfo uri) {
        return service.raise(request, identity.getPrincipal().getName())
                .map(signal -> Response.created(uri.getAbsolutePathBuilder().path(signal.id().toString()).build())
                        .entity(signal).build());
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.CRISIS_MANAGER, Roles.ADMIN})
    public Uni<List<SignalView>> list(@QueryParam("status") SignalStatus status,
                                      @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                      @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return service.list(status, page, size);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ANALYST, Roles.CRISIS_MANAGER, Roles.ADMIN})
    public Uni<SignalView> get(@RestPath UUID id) {
        return service.get(id);
    }
}
