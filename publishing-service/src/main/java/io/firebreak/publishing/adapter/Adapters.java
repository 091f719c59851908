package io.firebreak.publishing.adapter;

import io.firebreak.publishing.rules.Platform;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The adapter of each platform that has one. */
@ApplicationScoped
public class Adapters {

    private final Map<Platform, PlatformAdapter> byPlatform = new EnumMap<>(Platform.class);

    public Adapters(Instance<PlatformAdapter> adapters) {
        adapters.forEach(adapter -> byPlatform.put(adapter.platform(), adapter));
    }

    public Optional<PlatformAdapter> of(Platform platform) {
        return Optional.ofNullable(byPlatform.get(platform));
    }

    /** Drills never reach a real platform, whatever channel they name. */
    public PlatformAdapter sandbox() {
        return byPlatform.get(Platform.SANDBOX);
    }
}
