package io.firebreak.monitoring.watch;

import java.util.Set;
import java.util.UUID;

/** A watch ready to test posts: its parsed query, and the languages and sources it is limited to (empty: all). */
public record WatchMatcher(UUID watchId, WatchQuery query, Set<String> languages, Set<String> sources) {

    public static WatchMatcher of(Watch watch) {
        return new WatchMatcher(watch.getId(), WatchQuery.parse(watch.getQuery()), Set.copyOf(watch.getLanguages()),
                Set.copyOf(watch.getSources()));
    }

    public boolean matches(String text, String language, String source) {
        return (languages.isEmpty() || languages.contains(language))
                && (sources.isEmpty() || sources.contains(source))
                && query.matches(text);
    }
}
