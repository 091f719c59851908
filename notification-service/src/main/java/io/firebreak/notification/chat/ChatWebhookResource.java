package io.firebreak.notification.chat;

import io.firebreak.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/chat-webhooks")
@Tag(name = "Chat webhooks", description = "Team channels (Slack, Teams) that receive crisis alerts")
public class ChatWebhookResource {

    public record WebhookRequest(@NotBlank @Size(max = 100) String team, @NotNull ChatRules.Kind kind,
                                 @NotBlank @Size(max = 2000) String url) {
    }

    private final ChatService service;
    private final JsonWebToken token;

    public ChatWebhookResource(ChatService service, JsonWebToken token) {
        this.service = service;
        this.token = token;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Uni<Response> register(@Valid @NotNull WebhookRequest request) {
        return service.register(request.team().strip(), request.kind(), request.url(), token.getName())
                .map(view -> Response.status(Response.Status.CREATED).entity(view).build());
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.CRISIS_MANAGER})
    public Uni<List<ChatService.WebhookView>> list() {
        return service.list();
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Response> remove(@RestPath UUID id) {
        return service.remove(id).replaceWith(Response.noContent().build());
    }
}
