package io.firebreak.publishing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "publishing")
public interface PublishingConfig {

    Credentials credentials();

    Dispatcher dispatcher();

    Http http();

    interface Credentials {
        /** Base64 of a 32-byte AES key; from the environment (a Kubernetes Secret) in production. */
        Optional<String> key();
    }

    interface Dispatcher {
        /** How often each replica looks for due publications ("off" disables the schedule). */
        @WithDefault("1s")
        String interval();

        /** How many due publications one pass claims. */
        @WithDefault("50")
        int batchSize();

        /** How long a claim stays with its replica; past it, another replica takes the publication over. */
        @WithDefault("60s")
        Duration lease();

        /** Attempts before a publication is FAILED. */
        @WithDefault("6")
        int maxAttempts();

        /** First retry delay; doubled each attempt, with jitter. */
        @WithDefault("5s")
        Duration firstBackoff();

        @WithDefault("15m")
        Duration maxBackoff();
    }

    interface Http {
        @WithDefault("10s")
        Duration timeout();
    }
}
