package io.firebreak.playbook.client;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Mentions as monitoring-service would answer them, stubbed on {@link MonitoringStub}'s WireMock from a test: one
 * mention by id, and the list a query on a watch answers (only for a query that keeps the contract and carries the
 * service's token).
 */
public final class Mentions {

    static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    static final String INSTANT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z";

    private Mentions() {
    }

    /** A mention of {@code watch}, the way monitoring-service serialises it. */
    public record Mention(UUID id, String source, String externalId, String author, String text, String url,
                          String language, Instant publishedAt, String sentimentLabel, UUID watch) {

        public static Mention on(UUID watch, String source, String author, String language, String text) {
            UUID id = UUID.randomUUID();
            String externalId = String.valueOf(Math.abs(id.getMostSignificantBits() % 1_000_000_000L));
            return new Mention(id, source, externalId, author, text,
                    "https://" + source + ".example/@" + author + "/" + externalId, language,
                    Instant.now().minusSeconds(600), "negative", watch);
        }

        ObjectNode json() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("id", id.toString()).put("source", source).put("externalId", externalId).put("author", author)
                    .put("text", text).put("url", url).put("language", language)
                    .put("publishedAt", publishedAt.toString()).put("receivedAt", publishedAt.plusSeconds(2).toString())
                    .put("reach", 1200).put("engagement", 40).put("sentimentLabel", sentimentLabel)
                    .put("sentimentScore", -0.8).put("question", text.contains("?")).put("priority", 0.9);
            node.putArray("watchIds").add(watch.toString());
            return node;
        }
    }

    /** {@code GET /api/mentions/{id}} answers this mention. */
    public static void stub(Mention mention) {
        wireMock().register(get(urlPathEqualTo("/api/mentions/" + mention.id())).atPriority(3)
                .withHeader("Authorization", equalTo("Bearer " + MonitoringStub.TOKEN))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(mention.json().toString())));
    }

    /**
     * {@code GET /api/mentions?watch=...} with these exact extra parameters (others absent, except since, page and
     * size, which must keep the contract) answers {@code mentions} in the order given.
     */
    public static void stubList(UUID watch, Map<String, String> exactly, List<Mention> mentions) {
        MappingBuilder query = wellFormedQuery().atPriority(3)
                .withHeader("Authorization", equalTo("Bearer " + MonitoringStub.TOKEN))
                .withQueryParam("watch", equalTo(watch.toString()));
        for (String param : List.of("source", "language", "sentiment", "author", "until")) {
            query = query.withQueryParam(param, exactly.containsKey(param) ? equalTo(exactly.get(param)) : absent());
        }
        if (exactly.containsKey("page")) {
            query = query.withQueryParam("page", equalTo(exactly.get("page")));
        }
        if (exactly.containsKey("size")) {
            query = query.withQueryParam("size", equalTo(exactly.get("size")));
        }
        ArrayNode body = JsonNodeFactory.instance.arrayNode();
        mentions.forEach(m -> body.add(m.json()));
        wireMock().register(query.willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(body.toString())));
    }

    /** Every query on {@code watch} gets its connection reset: monitoring-service is down for that watch. */
    public static void unreachableFor(UUID watch) {
        wireMock().register(get(urlPathEqualTo("/api/mentions")).atPriority(1)
                .withQueryParam("watch", equalTo(watch.toString()))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    /** A list query on a watch (malformed optional parameters are answered 400 first, by {@link MonitoringStub}). */
    static MappingBuilder wellFormedQuery() {
        return get(urlPathEqualTo("/api/mentions")).withQueryParam("watch", matching(UUID_PATTERN));
    }

    /** The optional parameters' contract: a parameter given must match its pattern. */
    static final Map<String, String> PARAMETERS = Map.of(
            "since", INSTANT,
            "until", INSTANT,
            "sentiment", "negative|neutral|positive",
            "page", "0|[1-9][0-9]*",
            "size", "[1-9]|[1-9][0-9]|100");

    private static WireMock wireMock() {
        URI base = URI.create(ConfigProvider.getConfig().getValue("quarkus.rest-client.monitoring.url", String.class));
        return new WireMock(base.getHost(), base.getPort());
    }
}
