package io.firebreak.notification.contact;

import io.firebreak.notification.contact.ContactDtos.ContactRequest;
import io.firebreak.notification.contact.ContactDtos.ContactView;
import io.firebreak.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/me/contact")
@Tag(name = "My contact points", description = "How the caller is reached: e-mail, phone, language, quiet hours")
public class MyContactResource {

    private final ContactService service;
    private final JsonWebToken token;

    public MyContactResource(ContactService service, JsonWebToken token) {
        this.service = service;
        this.token = token;
    }

    @GET
    @RolesAllowed(Roles.EMPLOYEE)
    public Uni<ContactView> mine() {
        return service.contact(token.getSubject(), profileEmail());
    }

    @PUT
    @RolesAllowed(Roles.EMPLOYEE)
    public Uni<ContactView> update(@Valid @NotNull ContactRequest request) {
        return service.updateContact(token.getSubject(), profileEmail(), request);
    }

    private String profileEmail() {
        return token.getClaim(Claims.email.name());
    }
}
