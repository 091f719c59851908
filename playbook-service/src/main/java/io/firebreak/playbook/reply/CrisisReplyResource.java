package io.firebreak.playbook.reply;

import io.firebreak.platform.security.Roles;
import io.firebreak.playbook.reply.ReplyDtos.DraftReplyRequest;
import io.firebreak.playbook.reply.ReplyDtos.ReplyView;
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

/** A crisis' replies to critics: drafted here, then sent, approved or rejected through {@link ReplyResource}. */
@Path("/api/crises/{crisisId}/replies")
@Tag(name = "Replies")
public class CrisisReplyResource {

    private final ReplyService service;
    private final SecurityIdentity identity;

    public CrisisReplyResource(ReplyService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Roles.COMMUNICATOR, Roles.CRISIS_MANAGER})
    public Uni<Response> draft(@RestPath UUID crisisId, @Valid @NotNull DraftReplyRequest request) {
        return service.draft(crisisId, request, identity.getPrincipal().getName())
                .map(view -> Response.status(Response.Status.CREATED).entity(view).build());
    }

    @GET
    @RolesAllowed({Roles.COMMUNICATOR, Roles.CRISIS_MANAGER, Roles.APPROVER})
    public Uni<List<ReplyView>> list(@RestPath UUID crisisId) {
        return service.ofCrisis(crisisId);
    }
}
