package io.firebreak.publishing.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.publishing.adapter.PlatformAdapter.Lookup;
import io.firebreak.publishing.adapter.PlatformAdapter.Published;
import io.firebreak.publishing.adapter.PostMatcher.Listed;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostMatcherTest {

    private static final List<Listed> FEED = List.of(
            new Listed("3", "Part two (2/2)", "u3"),
            new Listed("2", "Part one, see  https://t.co/abc (1/2)\n", "u2"),
            new Listed("1", "Yesterday's post", "u1"));

    @Test
    void aSinglePostIsFoundByItsTextWhateverThePlatformDidToItsLinksAndSpaces() {
        assertThat(PostMatcher.match(List.of("Yesterday's post"), FEED)).isEqualTo(Lookup.found(new Published("1", "u1")));
        assertThat(PostMatcher.match(List.of("Part one, see https://status.example/x (1/2)"), FEED))
                .isEqualTo(Lookup.found(new Published("2", "u2")));
    }

    @Test
    void aThreadIsFoundOnlyWhenEveryPartIsThereAndIsPartialOtherwise() {
        assertThat(PostMatcher.match(List.of("Part one, see https://x.example (1/2)", "Part two (2/2)"), FEED))
                .isEqualTo(Lookup.found(new Published("2", "u2")));
        assertThat(PostMatcher.match(List.of("Part one, see https://x.example (1/2)", "Part 2 (2/2)"), FEED))
                .isEqualTo(Lookup.partial());
    }

    @Test
    void aDifferentTextIsAbsent() {
        assertThat(PostMatcher.match(List.of("Yesterday's post, corrected"), FEED)).isEqualTo(Lookup.absent());
        assertThat(PostMatcher.match(List.of("anything"), List.of())).isEqualTo(Lookup.absent());
    }
}
