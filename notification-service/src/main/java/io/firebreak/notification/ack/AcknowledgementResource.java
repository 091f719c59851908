package io.firebreak.notification.ack;

import io.firebreak.notification.notification.NotificationView;
import io.firebreak.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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

    /**
     * Opened from an e-mail or SMS: a page with the confirm button, acknowledging nothing yet (mail scanners
     * fetch links). A forged, expired or used link is refused here already.
     */
    @GET
    @Path("ack/{link}")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public Uni<String> confirmPage(@RestPath String link) {
        return service.inspectLink(link).map(page -> AckPages.confirm(page.language(), page.crisisTitle(),
                page.role()));
    }

    /** The confirm button: the signed link stands in for the login, and works once. */
    @POST
    @Path("ack/{link}")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public Uni<String> acknowledgeByLinkPage(@RestPath String link) {
        return service.acknowledgeByLink(link).map(use -> AckPages.done(use.language(),
                use.notification().acknowledgedAt()));
    }

    /** The same for a client asking for JSON. */
    @POST
    @Path("ack/{link}")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<NotificationView> acknowledgeByLink(@RestPath String link) {
        return service.acknowledgeByLink(link).map(AcknowledgementService.LinkUse::notification);
    }
}
