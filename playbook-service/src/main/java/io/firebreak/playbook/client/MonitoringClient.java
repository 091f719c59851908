package io.firebreak.playbook.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** monitoring-service's REST API, called with playbook-service's own client-credentials token. */
@RegisterRestClient(configKey = "monitoring")
@OidcClientFilter
@Path("/api")
public interface MonitoringClient {

    @POST
    @Path("tone")
    Uni<ToneResult> checkTone(ToneRequest request);
}
