package io.firebreak.notification.notification;

import io.firebreak.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/me/notifications")
@Tag(name = "My notifications", description = "The caller's own notifications (mobile app inbox)")
public class MyNotificationResource {

    private final NotificationService service;
    private final JsonWebToken token;

    public MyNotificationResource(NotificationService service, JsonWebToken token) {
        this.service = service;
        this.token = token;
    }

    @GET
    @RolesAllowed(Roles.EMPLOYEE)
    public Uni<List<NotificationView>> mine(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return service.mine(token.getSubject(), page, size);
    }
}
