package io.firebreak.monitoring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "monitoring")
public interface MonitoringConfig {

    Mentions mentions();

    interface Mentions {

        /** How long a mention is kept after its publication time; older ones are deleted. */
        @WithDefault("P30D")
        Duration retention();

        /** How often the expired mentions are deleted, in the scheduler's syntax ("1h", "2s"). */
        @WithDefault("1h")
        String purgeInterval();
    }
}
