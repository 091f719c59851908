package io.firebreak.playbook.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
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
import java.util.Locale;
import java.util.Map;

/**
 * publishing-service's {@code POST /api/channels/validate} as WireMock enforcing its contract (ChannelDtos): only
 * with playbook-service's client-credentials bearer token (from {@link MonitoringStub}'s token endpoint) and a JSON
 * body with {@code text} and {@code channelIds}; anything else gets 401. The answer is computed per channel as
 * publishing-service does for single posts (code points against the limit): {@link #MASTODON} allows 500, every
 * other channel 280 (an X account), except {@link #UNKNOWN}, which does not exist (400 unknown-channel, as
 * publishing-service answers). A text containing {@value #UNREACHABLE} gets its connection reset. With
 * {@code replyToPlatform} (a reply), a channel that cannot reply ({@link #LINKEDIN}) answers
 * {@code replies-not-supported}, a channel of another platform {@code reply-platform-mismatch}.
 * {@code GET /api/channels/{id}/rules} answers each channel's platform and {@code replies}; 404 for {@link #UNKNOWN}.
 */
public class PublishingStub implements QuarkusTestResourceLifecycleManager {

    public static final String UNREACHABLE = "PUBLISHING-IS-DOWN";
    public static final String MASTODON = "00000000-0000-4000-8000-0000000000aa";
    public static final String UNKNOWN = "00000000-0000-4000-8000-0000000000ff";
    /** A second Mastodon account: with both planned, a reply's channel is no sure choice. */
    public static final String MASTODON_SECOND = "00000000-0000-4000-8000-0000000000ab";
    /** A LinkedIn organisation page: it cannot reply to a post. */
    public static final String LINKEDIN = "00000000-0000-4000-8000-0000000000c1";
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
        server.stubFor(get(urlPathMatching("/api/channels/[^/]+/rules")).atPriority(10)
                .willReturn(aResponse().withStatus(401)));
        server.stubFor(get(urlPathMatching("/api/channels/[^/]+/rules")).atPriority(5)
                .withHeader("Authorization", equalTo("Bearer " + MonitoringStub.TOKEN))
                .willReturn(aResponse().withTransformers(ChannelRules.NAME)));
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
            if (serveEvent.getRequest().getMethod().getName().equals("GET")) {
                return rules(serveEvent.getRequest().getUrl().split("/")[3]);
            }
            try {
                JsonNode request = JSON.readTree(serveEvent.getRequest().getBodyAsString());
                String text = request.path("text").asText();
                String replyTo = request.path("replyToPlatform").isTextual()
                        ? request.path("replyToPlatform").asText() : null;
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
                    String platform = platformOf(id.asText());
                    int limit = limitOf(platform);
                    int length = text.codePointCount(0, text.length());
                    String replyProblem = replyTo == null ? null
                            : !repliesOn(platform) ? "replies-not-supported"
                            : !platform.toLowerCase(Locale.ROOT).startsWith(replyTo) ? "reply-platform-mismatch"
                            : null;
                    boolean ok = length > 0 && length <= limit && replyProblem == null;
                    allOk &= ok;
                    ObjectNode verdict = channels.addObject();
                    verdict.put("channelId", id.asText()).put("platform", platform)
                            .put("ok", ok).put("length", length).put("limit", limit)
                            .put("overflow", Math.max(0, length - limit)).put("posts", ok ? 1 : 0);
                    if (replyProblem != null) {
                        verdict.put("problem", replyProblem).put("detail", replyProblem.equals("replies-not-supported")
                                ? platform + " channels cannot reply to a post"
                                : "a " + platform + " channel cannot reply to a post on " + replyTo)
                                .putNull("overflowAt");
                        verdict.putArray("parts");
                    } else if (ok) {
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

        /** {@code GET /api/channels/{id}/rules}, with {@code replies} as publishing-service answers it. */
        private static ResponseDefinition rules(String id) {
            if (UNKNOWN.equals(id)) {
                return json(404, "application/problem+json", "{\"type\":\"https://firebreak.io/problems/not-found\","
                        + "\"title\":\"Not found\",\"status\":404,\"detail\":\"channel " + id + " does not exist\"}");
            }
            String platform = platformOf(id);
            ObjectNode answer = JSON.createObjectNode().put("channelId", id).put("platform", platform)
                    .put("maxLength", limitOf(platform)).put("counting", "CODE_POINTS").put("urlLength", 0)
                    .put("threads", false).put("maxThreadParts", 1).put("replies", repliesOn(platform));
            return json(200, "application/json", answer.toString());
        }

        private static String platformOf(String id) {
            if (MASTODON.equals(id) || MASTODON_SECOND.equals(id)) {
                return "MASTODON";
            }
            return LINKEDIN.equals(id) ? "LINKEDIN_ORG" : "X";
        }

        private static int limitOf(String platform) {
            return switch (platform) {
                case "MASTODON" -> MASTODON_LIMIT;
                case "LINKEDIN_ORG" -> 3000;
                default -> X_LIMIT;
            };
        }

        private static boolean repliesOn(String platform) {
            return !platform.equals("LINKEDIN_ORG");
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
