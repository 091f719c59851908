package io.firebreak.playbook.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** publishing-service's REST API, called with playbook-service's own client-credentials token. */
@RegisterRestClient(configKey = "publishing")
@OidcClientFilter
@Path("/api")
public interface PublishingClient {

    /** Checks a text against each channel's length and format rules, without posting. */
    @POST
    @Path("channels/validate")
    Uni<ChannelValidation> validate(ChannelValidationRequest request);
}
