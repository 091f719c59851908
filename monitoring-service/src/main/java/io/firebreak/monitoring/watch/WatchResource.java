package io.firebreak.monitoring.watch;

import io.firebreak.monitoring.watch.WatchDtos.WatchRequest;
import io.firebreak.monitoring.watch.WatchDtos.WatchView;
import io.firebreak.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/watches")
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
@Tag(name = "Watches", description = "What to listen for: a query over posts, languages, sources")
public class WatchResource {

    private final WatchService service;
    private final SecurityIdentity identity;

    public WatchResource(WatchService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    public Uni<Response> create(@Valid @NotNull WatchRequest request, UriInfo uri) {
        return service.create(request, identity.getPrincipal().getName())
                .map(watch -> Response.created(uri.getAbsolutePathBuilder().path(watch.id().toString()).build())
                        .entity(watch).build());
    }

    @GET
    public Uni<List<WatchView>> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                     @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return service.list(page, size);
    }

    @GET
    @Path("{id}")
    public Uni<WatchView> get(@RestPath UUID id) {
        return service.get(id);
    }

    @PUT
    @Path("{id}")
    public Uni<WatchView> update(@RestPath UUID id, @Valid @NotNull WatchRequest request) {
        return service.update(id, request, identity.getPrincipal().getName());
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@RestPath UUID id) {
        return service.delete(id, identity.getPrincipal().getName()).replaceWith(Response.noContent().build());
    }
}
