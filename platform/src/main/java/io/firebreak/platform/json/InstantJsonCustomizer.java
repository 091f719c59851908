package io.firebreak.platform.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.events.InstantJsonModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Gives the Quarkus ObjectMapper (REST bodies, events read and written) the fast Instant codec of
 * {@link InstantJsonModule}, as {@code EventJson.newMapper()} has it.
 */
@Singleton
public class InstantJsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new InstantJsonModule());
    }

    /**
     * Customizers run from the highest priority down, and Quarkus registers JavaTimeModule in one at
     * QUARKUS_CUSTOMIZER_PRIORITY: one below runs after it, so that this module's Instant codec wins.
     */
    @Override
    public int priority() {
        return QUARKUS_CUSTOMIZER_PRIORITY - 1;
    }
}
