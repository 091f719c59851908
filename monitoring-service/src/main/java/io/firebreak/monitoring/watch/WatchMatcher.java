package io.firebreak.monitoring.watch;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A watch ready to test posts: its parsed query, and the languages and sources it is limited to (empty: all). */
public record WatchMatcher(UUID watchId, WatchQuery query, Set<String> languages, Set<String> sources) {

    public static WatchMatcher of(Watch watch) {
        return new WatchMatcher(watch.getId(), WatchQuery.parse(watch.getQuery()), Set.copyOf(watch.getLanguages()),
                Set.copyOf(watch.getSources()));
    }

    public boolean matches(String text, String language, String source) {
        return accepts(language, source) && query.matches(text);
    }

    /** The watches among {@code matchers} that a post matches; the post is cut into words once for all of them. */
    public static List<UUID> matching(List<WatchMatcher> matchers, String text, String language, String source) {
        List<UUID> matched = new ArrayList<>(2);
        WatchQuery.Post post = null;
        for (WatchMatcher matcher : matchers) {
            if (matcher.accepts(language, source)) {
                if (post == null) {
                    post = WatchQuery.Post.of(text == null ? "" : text);
                }
                if (matcher.query().matches(post)) {
                    matched.add(matcher.watchId());
                }
            }
        }
        return matched;
    }

    private boolean accepts(String language, String source) {
        return (languages.isEmpty() || languages.contains(language)) && (sources.isEmpty() || sources.contains(source));
    }
}
