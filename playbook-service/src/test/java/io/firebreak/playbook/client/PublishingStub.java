package io.firebreak.playbook.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * publishing-service's {@code POST /api/channels/validate} as WireMock enforcing its contract (ChannelDtos): only
 * with playbook-service's client-credentials bearer token (from {@link MonitoringStub}'s token endpoint) and a JSON
 * body with {@code text} and {@code channelIds}; anything else gets 401. The answer is computed per channel as
 * publishing-service does for single posts (code points against the limit): {@link #MASTODON} allows 500, every
 * other channel 280 (an X account), except {@link #UNKNOWN}, which does not exist (400 unknown-channel, as
 * publishing-service answers). A text containing {@value #UNREACHABLE} gets its connection reset.
 */
public class PublishingStub implements QuarkusTestResourceLifecycleManager {

    public static final String UNREACHABLE = "PUBLISHING-IS-DOWN";
    public static final String MASTODON = "00000000-0000-4000-8000-0000000000aa";
    public static final String UNKNOWN = "00000000-0000-4000-8000-0000000000ff";
    public static final int X_LIMIT = 280;
    private static final int MASTODON_LIMIT = 500;

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().extensions(new ChannelRules()));
        server.start();
        server.stubFor(post(urlEqualTo("/api/channels/validate")).atPriority(10)
                .willReturn(aResponse().withStatus(401)));
        server.stubFor(post(urlEqualTo("/api/channels/validate")).atPriority(5)
                .withHeader("Authorization", equalTo("Bearer " + MonitoringStub.TOKEN))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(matchingJsonPath("$.text"))
                .withRequestBody(matchingJsonPath("$.channelIds[0]"))
                .willReturn(aResponse().withTransformers(ChannelRules.NAME)));
        server.stubFor(post(urlEqualTo("/api/channels/validate")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.text", containing(UNREACHABLE)))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        return Map.of("quarkus.rest-client.publishing.url", "http://localhost:" + server.port());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** Builds the validation answer from the request, the way publishing-service's ChannelService does. */
    static final class ChannelRules implements ResponseDefinitionTransformerV2 {

        static final String NAME = "channel-rules";
        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            try {
                JsonNode request = JSON.readTree(serveEvent.getRequest().getBodyAsString());
                String text = request.path("text").asText();
                ArrayNode channels = JSON.createArrayNode();
                boolean allOk = true;
                for (JsonNode id : request.path("channelIds")) {
                    if (UNKNOWN.equals(id.asText())) {
                        return json(400, "application/problem+json", """
                                {"type":"https://firebreak.io/problems/unknown-channel","title":"Invalid request",
                                 "status":400,"detail":"some channels do not exist",
                                 "errors":[{"field":"channelIds","message":"channel %s does not exist"}]}"""
                                .formatted(id.asText()));
                    }
                    boolean mastodon = MASTODON.equals(id.asText());
                    int limit = mastodon ? MASTODON_LIMIT : X_LIMIT;
                    int length = text.codePointCount(0, text.length());
                    boolean ok = length > 0 && length <= limit;
                    allOk &= ok;
                    ObjectNode verdict = channels.addObject();
                    verdict.put("channelId", id.asText()).put("platform", mastodon ? "MASTODON" : "X")
                            .put("ok", ok).put("length", length).put("limit", limit)
                            .put("overflow", Math.max(0, length - limit)).put("posts", ok ? 1 : 0);
                    if (ok) {
                        verdict.putNull("problem").putNull("detail").putNull("overflowAt");
                        verdict.putArray("parts").add(text);
                    } else {
                        verdict.put("problem", length == 0 ? "EMPTY" : "TOO_LONG")
                                .put("detail", length + " characters, the limit is " + limit)
                                .put("overflowAt", limit);
                        verdict.putArray("parts");
                    }
                }
                ObjectNode answer = JSON.createObjectNode().put("ok", allOk);
                answer.set("channels", channels);
                return json(200, "application/json", JSON.writeValueAsString(answer));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static ResponseDefinition json(int status, String type, String body) {
            return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", type)
                    .withBody(body).build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }
}
