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

    Facebook facebook();

    Linkedin linkedin();

    interface Credentials {
        /** Base64 of a 32-byte AES key; from the environment (a Kubernetes Secret) in production. */
        Optional<String> key();
    }

    interface Dispatcher {
        /** How often each replica looks for due publications ("off" disables the schedule). */
        @WithDefault("1s")
        String interval();

        /**
         * How many due publications one pass claims (and sends at once). Two replicas at one pass a second need 250
         * to keep up with 10,000 posts due in the same minute (DispatcherBenchmark); 50 left a backlog of 40 s.
         */
        @WithDefault("250")
        int batchSize();

        /**
         * How far ahead a pass takes what falls due: each such publication is reserved, then claimed and sent on a
         * timer at its due time, so that a post due just after a pass does not wait for the next one. Two ticks, so
         * that a late or skipped tick still finds the next second's posts reserved; 0 sends only what is due.
         */
        @WithDefault("2s")
        Duration lookahead();

        /** How long a claim stays with its replica; past it, another replica takes the publication over. */
        @WithDefault("60s")
        Duration lease();

        /**
         * Attempts before a publication is FAILED. With the default back-off (5 s doubling to 15 min, jitter down to
         * half) ten attempts span at least 18 minutes: a platform down for ten minutes still gets the post.
         */
        @WithDefault("10")
        int maxAttempts();

        /** First retry delay; doubled each attempt, with jitter. */
        @WithDefault("5s")
        Duration firstBackoff();

        @WithDefault("15m")
        Duration maxBackoff();
    }

    interface Facebook {
        /** Graph API version in the path ({@code /v24.0/...}); each is supported for about two years. */
        @WithDefault("v24.0")
        String graphVersion();
    }

    interface Linkedin {
        /** {@code Linkedin-Version} header (YYYYMM); LinkedIn sunsets a version about a year after its release. */
        @WithDefault("202510")
        String version();
    }

    interface Http {
        @WithDefault("10s")
        Duration timeout();
    }
}
