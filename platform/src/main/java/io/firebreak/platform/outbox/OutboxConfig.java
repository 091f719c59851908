package io.firebreak.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "firebreak.outbox")
public interface OutboxConfig {

    /** CloudEvents {@code source} of the events this service writes, e.g. {@code /monitoring-service}. */
    String source();

    /** How often a relay pass runs (read by {@link OutboxRelay}'s schedule), e.g. {@code 1s}. */
    @WithDefault("1s")
    String relayInterval();

    /** How long after start the first relay pass waits (read by {@link OutboxRelay}'s schedule). */
    @WithDefault("3s")
    String relayDelay();

    /** How many events one relay pass sends at most. */
    @WithDefault("500")
    int batchSize();
}
