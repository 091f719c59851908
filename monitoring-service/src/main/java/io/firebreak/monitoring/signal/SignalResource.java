package io.firebreak.monitoring.signal;

import io.firebreak.monitoring.signal.SignalDtos.RaiseSignalRequest;
import io.firebreak.monitoring.signal.SignalDtos.SignalView;
import io.firebreak.platform.problem.Problem;
import io.firebreak.platform.problem.ProblemException;
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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
    public Uni<List<SignalView>> list(@QueryParam("watch") String watch,
                                      @QueryParam("status") String status,
                                      @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                      @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        // Read by hand: a query parameter that does not convert would otherwise be a 404.
        UUID watchId = null;
        SignalStatus wanted = null;
        try {
            watchId = watch == null ? null : UUID.fromString(watch);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("invalid-filter", "watch must be a watch id",
                    List.of(new Problem.FieldError("watch", "must be a UUID")));
        }
        try {
            wanted = status == null ? null : SignalStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("invalid-filter", "status must be one of "
                    + Arrays.toString(SignalStatus.values()),
                    List.of(new Problem.FieldError("status",
                            "must be one of " + Arrays.toString(SignalStatus.values()))));
        }
        return service.list(watchId, wanted, page, size);
    }

    /** An analyst is on it: OPEN → ACKNOWLEDGED, recorded with who and when. 409 from any other status. */
    @POST
    @Path("{id}/acknowledge")
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    public Uni<SignalView> acknowledge(@RestPath UUID id) {
        return service.acknowledge(id, identity.getPrincipal().getName());
    }

    /** Not a crisis: OPEN or ACKNOWLEDGED → DISMISSED, recorded with who and when. 409 from any other status. */
    @POST
    @Path("{id}/dismiss")
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    public Uni<SignalView> dismiss(@RestPath UUID id) {
        return service.dismiss(id, identity.getPrincipal().getName());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ANALYST, Roles.CRISIS_MANAGER, Roles.ADMIN})
    public Uni<SignalView> get(@RestPath UUID id) {
        return service.get(id);
    }
}
