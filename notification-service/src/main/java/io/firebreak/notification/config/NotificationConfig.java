package io.firebreak.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "notification")
public interface NotificationConfig {

    Links links();

    /** Where a role holder reads their briefing; {@code {crisisId}} is replaced. */
    String briefingUrl();

    Delivery delivery();

    Escalation escalation();

    interface Escalation {

        /** The playbook role whose holders are the crisis managers an escalation pages last. */
        @WithDefault("Crisis manager")
        String managerRole();

        /** How long a replica owns a claimed escalation step; if it dies, another fires it after this. */
        @WithDefault("PT1M")
        Duration lease();

        @WithDefault("100")
        int batchSize();
    }

    interface Links {

        /**
         * HMAC-SHA256 key signing acknowledge links, at least 32 characters, shared by all replicas; from the
         * environment ({@code NOTIFICATION_LINKS_KEY}) in prod.
         */
        Optional<String> key();

        /** How long an acknowledge link works after it was sent. */
        @WithDefault("PT24H")
        Duration ttl();

        /** The public address of this service, as the links in e-mails must point to it. */
        String baseUrl();
    }

    interface Delivery {

        /** Attempts per channel before a delivery is given up as failed. */
        @WithDefault("5")
        int maxAttempts();

        /** Wait before the first retry; doubled after each failure. */
        @WithDefault("PT10S")
        Duration retryBackoff();

        /** How long a replica owns a claimed delivery; if it dies, another takes it over after this. */
        @WithDefault("PT1M")
        Duration lease();

        /** Deliveries claimed per scheduler run and replica. */
        @WithDefault("50")
        int batchSize();
    }
}
