package io.firebreak.notification.ack;

import io.firebreak.notification.notification.NotificationView;
import io.firebreak.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api")
@Tag(name = "Acknowledgements", description = "The recipient says \"I'm on it\": in the app, or by a signed link")
public class AcknowledgementResource {

    private final AcknowledgementService service;
    private final JsonWebToken token;

    public AcknowledgementResource(AcknowledgementService service, JsonWebToken token) {
        this.service = service;
        this.token = token;
    }

    @POST
    @Path("notifications/{id}/ack")
    @RolesAllowed(Roles.EMPLOYEE)
    public Uni<NotificationView> acknowledge(@RestPath UUID id) {
        return service.acknowledge(id, token.getSubject());
    }

    /** Opened from an e-mail: the signed link stands in for the login. */
    @GET
    @Path("ack/{link}")
    @PermitAll
    public Uni<NotificationView> acknowledgeByLink(@RestPath String link) {
        return service.acknowledgeByLink(link);
    }
}
