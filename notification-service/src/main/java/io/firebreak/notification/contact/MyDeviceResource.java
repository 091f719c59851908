package io.firebreak.notification.contact;

import io.firebreak.notification.contact.ContactDtos.DeviceView;
import io.firebreak.notification.contact.ContactDtos.RegisterDeviceRequest;
import io.firebreak.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/me/devices")
@Tag(name = "My devices", description = "Push devices the mobile app registered for the caller")
public class MyDeviceResource {

    private final ContactService service;
    private final JsonWebToken token;

    public MyDeviceResource(ContactService service, JsonWebToken token) {
        this.service = service;
        this.token = token;
    }

    /** 201 for a new device, 200 when the app re-registers a token it already registered. */
    @POST
    @RolesAllowed(Roles.EMPLOYEE)
    public Uni<Response> register(@Valid @NotNull RegisterDeviceRequest request) {
        return service.register(token.getSubject(), request).map(registration -> registration.created()
                ? Response.created(URI.create("/api/me/devices/" + registration.device().id()))
                        .entity(registration.device()).build()
                : Response.ok(registration.device()).build());
    }

    @GET
    @RolesAllowed(Roles.EMPLOYEE)
    public Uni<List<DeviceView>> mine() {
        return service.devices(token.getSubject());
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.EMPLOYEE)
    public Uni<Response> remove(@RestPath UUID id) {
        return service.removeDevice(token.getSubject(), id).map(ignored -> Response.noContent().build());
    }
}
