package io.firebreak.publishing.adapter;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Link facets of a Bluesky post: Bluesky does not detect links itself; each is declared with its range in
 * UTF-8 bytes of the text (not characters), per the {@code app.bsky.richtext.facet} lexicon.
 */
final class BlueskyFacets {

    private static final Pattern URL = Pattern.compile("https?://[^\\s]+[^\\s.,;:!?)\\]}'\"]");

    private BlueskyFacets() {
    }

    static JsonArray links(String text) {
        JsonArray facets = new JsonArray();
        Matcher url = URL.matcher(text);
        while (url.find()) {
            int byteStart = utf8Length(text.substring(0, url.start()));
            int byteEnd = byteStart + utf8Length(url.group());
            facets.add(new JsonObject()
                    .put("index", new JsonObject().put("byteStart", byteStart).put("byteEnd", byteEnd))
                    .put("features", new JsonArray().add(new JsonObject()
                            .put("$type", "app.bsky.richtext.facet#link").put("uri", url.group()))));
        }
        return facets;
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
