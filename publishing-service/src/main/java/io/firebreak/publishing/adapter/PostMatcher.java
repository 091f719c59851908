package io.firebreak.publishing.adapter;

import io.firebreak.publishing.adapter.PlatformAdapter.Lookup;
import io.firebreak.publishing.adapter.PlatformAdapter.Published;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the parts of a post among the posts a platform lists, by text. Links are left out of the comparison
 * because platforms rewrite them (X answers with t.co links), and so are differences in surrounding whitespace.
 */
final class PostMatcher {

    private static final Pattern URL = Pattern.compile("https?://\\S+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private PostMatcher() {
    }

    /** A post the platform listed: its id, its text, and the URL to show for it. */
    record Listed(String id, String text, String url) {
    }

    /**
     * FOUND when every part is listed (the first part's post is the publication's), ABSENT when none is, and
     * PARTIAL when a thread went out in part: resuming it safely needs a person.
     */
    static Lookup match(List<String> parts, List<Listed> listed) {
        List<Optional<Listed>> found = parts.stream().map(part -> find(part, listed)).toList();
        long count = found.stream().filter(Optional::isPresent).count();
        if (count == 0) {
            return Lookup.absent();
        }
        if (count < parts.size()) {
            return Lookup.partial();
        }
        Listed first = found.get(0).orElseThrow();
        return Lookup.found(new Published(first.id(), first.url()));
    }

    private static Optional<Listed> find(String part, List<Listed> listed) {
        String wanted = normalised(part);
        return listed.stream().filter(post -> post.text() != null && normalised(post.text()).equals(wanted))
                .findFirst();
    }

    static String normalised(String text) {
        return SPACES.matcher(URL.matcher(text).replaceAll("<link>")).replaceAll(" ").strip();
    }
}
