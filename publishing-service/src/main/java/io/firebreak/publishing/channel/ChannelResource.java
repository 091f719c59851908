package io.firebreak.publishing.channel;

import io.firebreak.platform.security.Roles;
import io.firebreak.publishing.channel.ChannelDtos.ChannelView;
import io.firebreak.publishing.channel.ChannelDtos.CreateChannelRequest;
import io.firebreak.publishing.channel.ChannelDtos.CredentialsRequest;
import io.firebreak.publishing.channel.ChannelDtos.RulesView;
import io.firebreak.publishing.channel.ChannelDtos.ValidateRequest;
import io.firebreak.publishing.channel.ChannelDtos.ValidateResponse;
import io.firebreak.publishing.channel.ChannelDtos.VerifyResponse;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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

@Path("/api/channels")
@Tag(name = "Channels", description = "Platform accounts to publish to; credentials are write-only")
public class ChannelResource {

    private final ChannelService service;
    private final SecurityIdentity identity;

    public ChannelResource(ChannelService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Uni<Response> create(@Valid @NotNull CreateChannelRequest request, UriInfo uri) {
        return service.create(request, identity.getPrincipal().getName())
                .map(channel -> Response.created(uri.getAbsolutePathBuilder().path(channel.id().toString()).build())
                        .entity(channel).build());
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNICATOR, Roles.CRISIS_MANAGER, Roles.APPROVER})
    public Uni<List<ChannelView>> list() {
        return service.list();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNICATOR, Roles.CRISIS_MANAGER, Roles.APPROVER})
    public Uni<ChannelView> get(@RestPath UUID id) {
        return service.get(id);
    }

    @PUT
    @Path("{id}/credentials")
    @RolesAllowed(Roles.ADMIN)
    public Uni<ChannelView> replaceCredentials(@RestPath UUID id, @Valid @NotNull CredentialsRequest request) {
        return service.replaceCredentials(id, request.credentials(), identity.getPrincipal().getName());
    }

    /** Checks the credentials and reads the account's limits on the platform, without posting. */
    @POST
    @Path("{id}/verify")
    @RolesAllowed(Roles.ADMIN)
    public Uni<VerifyResponse> verify(@RestPath UUID id) {
        return service.verify(id, identity.getPrincipal().getName());
    }

    @GET
    @Path("{id}/rules")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNICATOR, Roles.CRISIS_MANAGER, Roles.APPROVER})
    public Uni<RulesView> rules(@RestPath UUID id) {
        return service.rules(id);
    }

    @POST
    @Path("validate")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNICATOR, Roles.CRISIS_MANAGER, Roles.APPROVER})
    public Uni<ValidateResponse> validate(@Valid @NotNull ValidateRequest request) {
        return service.validate(request);
    }
}
