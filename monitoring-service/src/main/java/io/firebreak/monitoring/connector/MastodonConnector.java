package io.firebreak.monitoring.connector;

import io.firebreak.monitoring.config.MonitoringConfig;
import io.firebreak.monitoring.mention.MentionDtos.IngestionReport;
import io.firebreak.monitoring.mention.MentionInput;
import io.firebreak.monitoring.mention.MentionService;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts one {@link MastodonFollower} per configured hashtag when {@code monitoring.mastodon.enabled} is true; each
 * status becomes a mention ingested like a batch of {@code POST /api/mentions}. Every replica that enables it
 * follows the stream; a status arriving twice is stored once (source and id are unique).
 */
@ApplicationScoped
public class MastodonConnector {

    private final MonitoringConfig.Mastodon config;
    private final MentionService mentions;
    private final List<MastodonFollower> followers = new ArrayList<>();

    public MastodonConnector(MonitoringConfig config, MentionService mentions) {
        this.config = config.mastodon();
        this.mentions = mentions;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.enabled()) {
            return;
        }
        if (config.instance().isEmpty() || config.hashtags().map(List::isEmpty).orElse(true)) {
            Log.warn("monitoring.mastodon.enabled is true but no instance or hashtags are configured: not following");
            return;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        for (String hashtag : config.hashtags().get()) {
            MastodonFollower follower = new MastodonFollower(http, config.instance().get(), hashtag,
                    config.accessToken(), config.reconnectMin(), config.reconnectMax(), this::ingest);
            followers.add(follower);
            Thread thread = new Thread(follower, "mastodon-" + hashtag);
            thread.setDaemon(true);
            thread.start();
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        followers.forEach(MastodonFollower::stop);
    }

    /** Blocks the follower's thread until the batch is stored; a failure makes it reconnect and catch up. */
    private void ingest(List<MentionInput> batch) {
        try {
            IngestionReport report = VertxContextSupport.subscribeAndAwait(() -> mentions.ingest(batch));
            if (!report.rejected().isEmpty()) {
                Log.warnf("Mastodon statuses rejected: %s", report.rejected());
            }
        } catch (Throwable e) {
            throw new IllegalStateException("cannot store Mastodon statuses: " + e.getMessage(), e);
        }
    }
}
