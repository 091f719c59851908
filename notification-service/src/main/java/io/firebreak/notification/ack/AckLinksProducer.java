package io.firebreak.notification.ack;

import io.firebreak.notification.config.NotificationConfig;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.HexFormat;

/** One {@link AckLinks} with the configured key. */
@ApplicationScoped
public class AckLinksProducer {

    @Produces
    @Singleton
    AckLinks ackLinks(NotificationConfig config) {
        return new AckLinks(config.links().key().orElseGet(() -> {
            // Links then die with this process and are refused by other replicas: fine on a laptop only.
            Log.warn("notification.links.key is not set: acknowledge links are signed with a random key");
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return HexFormat.of().formatHex(random);
        }));
    }
}
