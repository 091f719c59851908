package io.firebreak.notification.subscription;

import io.firebreak.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/me/subscriptions")
@Tag(name = "My subscriptions", description = "Signals (analysts) and failed or held publications (communicators)")
public class MySubscriptionResource {

    private final SubscriptionService service;
    private final JsonWebToken token;

    public MySubscriptionResource(SubscriptionService service, JsonWebToken token) {
        this.service = service;
        this.token = token;
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.COMMUNICATOR})
    public Uni<List<SubscriptionService.SubscriptionView>> mine() {
        return service.mine(token.getSubject());
    }

    /** Idempotent: subscribing again answers the subscription there is. */
    @PUT
    @Path("{topic}")
    @RolesAllowed({Roles.ANALYST, Roles.COMMUNICATOR})
    public Uni<SubscriptionService.SubscriptionView> subscribe(@RestPath Subscription.Topic topic) {
        return service.subscribe(token.getSubject(), token.getGroups(), topic);
    }

    @DELETE
    @Path("{topic}")
    @RolesAllowed({Roles.ANALYST, Roles.COMMUNICATOR})
    public Uni<Response> unsubscribe(@RestPath Subscription.Topic topic) {
        return service.unsubscribe(token.getSubject(), topic).replaceWith(Response.noContent().build());
    }

    @GET
    @Path("alerts")
    @RolesAllowed({Roles.ANALYST, Roles.COMMUNICATOR})
    public Uni<List<SubscriptionService.AlertView>> alerts(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return service.myAlerts(token.getSubject(), page, size);
    }
}
