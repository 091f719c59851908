package io.firebreak.playbook.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestPath;

/** publishing-service's REST API, called with playbook-service's own client-credentials token. */
@RegisterRestClient(configKey = "publishing")
@OidcClientFilter
@Path("/api")
public interface PublishingClient {

    /** Checks a text against each channel's length and format rules (and, for a reply, replies), without posting. */
    @POST
    @Path("channels/validate")
    Uni<ChannelValidation> validate(ChannelValidationRequest request);

    /** A channel's platform and rules; 404 for a channel that does not exist. */
    @GET
    @Path("channels/{id}/rules")
    Uni<ChannelRules> rules(@RestPath UUID id);
}
