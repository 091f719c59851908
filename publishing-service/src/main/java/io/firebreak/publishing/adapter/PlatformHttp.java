package io.firebreak.publishing.adapter;

import io.firebreak.publishing.config.PublishingConfig;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/** The one HTTP client adapters share; it answers on the caller's Vert.x context. */
@ApplicationScoped
public class PlatformHttp {

    private final WebClient client;
    private final long timeoutMillis;

    public PlatformHttp(Vertx vertx, PublishingConfig config) {
        this.timeoutMillis = config.http().timeout().toMillis();
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) timeoutMillis)
                .setFollowRedirects(false)
                .setUserAgent("Firebreak-publishing-service"));
    }

    public WebClient client() {
        return client;
    }

    /** Per-request timeout: no answer within it is a transient failure. */
    public long timeoutMillis() {
        return timeoutMillis;
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
