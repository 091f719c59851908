package io.firebreak.playbook.reply;

import io.firebreak.platform.security.Roles;
import io.firebreak.playbook.reply.ReplyDtos.EditReplyRequest;
import io.firebreak.playbook.reply.ReplyDtos.RejectReplyRequest;
import io.firebreak.playbook.reply.ReplyDtos.ReplyView;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/replies")
@Tag(name = "Replies")
public class ReplyResource {

    private final ReplyService service;
    private final SecurityIdentity identity;

    public ReplyResource(ReplyService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.COMMUNICATOR, Roles.CRISIS_MANAGER, Roles.APPROVER})
    public Uni<ReplyView> get(@RestPath UUID id) {
        return service.get(id);
    }

    /** The author's new wording, checked again. */
    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.COMMUNICATOR, Roles.CRISIS_MANAGER})
    public Uni<ReplyView> edit(@RestPath UUID id, @Valid @NotNull EditReplyRequest request) {
        return service.edit(id, request.text(), user());
    }

    /** The author sends it: out at once under the playbook's policy, or waiting for an approver. */
    @POST
    @Path("{id}/send")
    @RolesAllowed({Roles.COMMUNICATOR, Roles.CRISIS_MANAGER})
    public Uni<ReplyView> send(@RestPath UUID id) {
        return service.send(id, user());
    }

    @POST
    @Path("{id}/approve")
    @RolesAllowed(Roles.APPROVER)
    public Uni<ReplyView> approve(@RestPath UUID id) {
        return service.approve(id, user());
    }

    @POST
    @Path("{id}/reject")
    @RolesAllowed(Roles.APPROVER)
    public Uni<ReplyView> reject(@RestPath UUID id, @Valid @NotNull RejectReplyRequest request) {
        return service.reject(id, request.reason(), user());
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
