package io.firebreak.publishing.publication;

import io.firebreak.platform.security.Roles;
import io.firebreak.publishing.publication.PublicationDtos.HoldAllResponse;
import io.firebreak.publishing.publication.PublicationDtos.PublicationView;
import io.firebreak.publishing.publication.PublicationDtos.ReasonRequest;
import io.firebreak.publishing.publication.PublicationDtos.RescheduleRequest;
import io.firebreak.publishing.publication.PublicationDtos.ScheduleRequest;
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

@Path("/api/publications")
@Tag(name = "Publications", description = "Statements and posts going out on channels, and their delivery")
public class PublicationResource {

    private final PublicationService service;
    private final SecurityIdentity identity;

    public PublicationResource(PublicationService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.COMMUNICATOR, Roles.CRISIS_MANAGER, Roles.APPROVER, Roles.ADMIN})
    public Uni<List<PublicationView>> list(@QueryParam("crisisId") UUID crisisId,
                                           @QueryParam("channelId") UUID channelId,
                                           @QueryParam("state") PublicationState state,
                                           @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                           @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return service.list(crisisId, channelId, state, page, size);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.COMMUNICATOR, Roles.CRISIS_MANAGER, Roles.APPROVER, Roles.ADMIN})
    public Uni<PublicationView> get(@RestPath UUID id) {
        return service.get(id);
    }

    /** A promotional post (not part of a crisis): held automatically while a real crisis is live. */
    @POST
    @RolesAllowed(Roles.COMMUNICATOR)
    public Uni<Response> schedule(@Valid @NotNull ScheduleRequest request, UriInfo uri) {
        return service.schedule(request, user())
                .map(view -> Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build())
                        .entity(view).build());
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed({Roles.COMMUNICATOR, Roles.CRISIS_MANAGER})
    public Uni<PublicationView> cancel(@RestPath UUID id, @Valid ReasonRequest request) {
        return service.cancel(id, user(), request != null ? request.reason() : null);
    }

    @POST
    @Path("{id}/reschedule")
    @RolesAllowed(Roles.COMMUNICATOR)
    public Uni<PublicationView> reschedule(@RestPath UUID id, @Valid @NotNull RescheduleRequest request) {
        return service.reschedule(id, request.scheduledAt(), user());
    }

    /** The hold-everything switch: every publication still waiting is HELD until released one by one. */
    @POST
    @Path("hold-all")
    @RolesAllowed(Roles.CRISIS_MANAGER)
    public Uni<HoldAllResponse> holdAll(@Valid ReasonRequest request) {
        return service.holdEverything(user(), request != null ? request.reason() : null).map(HoldAllResponse::new);
    }

    /** Lets a held post go out although the crisis is still live. */
    @POST
    @Path("{id}/release")
    @RolesAllowed(Roles.CRISIS_MANAGER)
    public Uni<PublicationView> release(@RestPath UUID id) {
        return service.releaseHold(id, user());
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
