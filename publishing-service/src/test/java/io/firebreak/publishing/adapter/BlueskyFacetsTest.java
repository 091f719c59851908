package io.firebreak.publishing.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class BlueskyFacetsTest {

    @Test
    void linkRangesAreInUtf8BytesNotCharacters() {
        // "Détails 👉 " is 9 characters before the URL but 14 bytes: é takes 2, the emoji 4.
        String url = "https://status.example.com/incident";
        String text = "Détails 👉 " + url + ". Merci";
        JsonObject facet = BlueskyFacets.links(text).getJsonObject(0);
        assertThat(facet.getJsonObject("index").getInteger("byteStart")).isEqualTo(14);
        assertThat(facet.getJsonObject("index").getInteger("byteEnd")).isEqualTo(14 + url.length());
        assertThat(facet.getJsonArray("features").getJsonObject(0).getString("uri"))
                .isEqualTo(url);
        assertThat(facet.getJsonArray("features").getJsonObject(0).getString("$type"))
                .isEqualTo("app.bsky.richtext.facet#link");
    }

    @Test
    void aTextWithoutLinksHasNoFacets() {
        assertThat(BlueskyFacets.links("No link here.")).isEmpty();
    }
}
