package io.firebreak.playbook.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** monitoring-service's REST API, called with playbook-service's own client-credentials token. */
@RegisterRestClient(configKey = "monitoring")
@OidcClientFilter
@Path("/api")
public interface MonitoringClient {

    @POST
    @Path("tone")
    Uni<ToneResult> checkTone(ToneRequest request);

    /**
     * A watch's mentions, newest and most influential first. {@code since}/{@code until}: ISO instants;
     * {@code sentiment}: negative, neutral or positive; {@code size}: at most 100. Null parameters are left out.
     */
    @GET
    @Path("mentions")
    Uni<List<Mention>> mentions(@RestQuery UUID watch, @RestQuery String since, @RestQuery String until,
                                @RestQuery String source, @RestQuery String language, @RestQuery String sentiment,
                                @RestQuery String author, @RestQuery Integer page, @RestQuery Integer size);

    /** One mention; 404 when monitoring-service does not know it. */
    @GET
    @Path("mentions/{id}")
    Uni<Mention> mention(@RestPath UUID id);
}
