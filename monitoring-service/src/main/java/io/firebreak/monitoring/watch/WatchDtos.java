package io.firebreak.monitoring.watch;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The REST shapes of the watch feature. */
public final class WatchDtos {

    private WatchDtos() {
    }

    /**
     * @param query     see {@link WatchQuery} for the syntax
     * @param languages "en", "fr"; empty or absent: every language
     * @param sources   e.g. "mastodon", "bluesky", "webhook"; empty or absent: every source
     */
    public record WatchRequest(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 2000) String query,
            @Size(max = 10) List<@NotNull @Pattern(regexp = "en|fr", message = "must be en or fr") String> languages,
            @Size(max = 20) List<@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}",
                    message = "must be a source name: lower-case letters, digits and dashes") String> sources) {
    }

    public record WatchView(UUID id, String name, String query, List<String> languages, List<String> sources,
                            String createdBy, Instant createdAt, Instant updatedAt) {

        static WatchView of(Watch watch) {
            return new WatchView(watch.getId(), watch.getName(), watch.getQuery(), watch.getLanguages(),
                    watch.getSources(), watch.getCreatedBy(), watch.getCreatedAt(), watch.getUpdatedAt());
        }
    }
}
