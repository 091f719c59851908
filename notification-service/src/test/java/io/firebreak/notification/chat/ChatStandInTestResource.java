package io.firebreak.notification.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Slack incoming webhooks ({@code /services/...}: JSON with a {@code text}, answered 200 "ok", else 400
 * "invalid_payload") and Teams workflow webhooks ({@code /workflows/...}: a message with an Adaptive Card
 * attachment, answered 202) on one local server; revoked Slack hooks ({@code .../revoked-...}) answer 404
 * "no_service".
 */
public class ChatStandInTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String PORT = "test.chat.port";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(post(urlPathMatching("/services/.*/revoked-.*")).atPriority(1)
                .willReturn(aResponse().withStatus(404).withBody("no_service")));
        server.stubFor(post(urlPathMatching("/services/[A-Z0-9]+/[A-Z0-9]+/.+")).atPriority(5)
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(matchingJsonPath("$.text", matching("(?s).+")))
                .willReturn(aResponse().withStatus(200).withBody("ok")));
        server.stubFor(post(urlPathMatching("/services/.*")).atPriority(10)
                .willReturn(aResponse().withStatus(400).withBody("invalid_payload")));
        server.stubFor(post(urlPathMatching("/workflows/.+")).atPriority(5)
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(matchingJsonPath("$.type", equalTo("message")))
                .withRequestBody(matchingJsonPath("$.attachments[0].contentType",
                        equalTo("application/vnd.microsoft.card.adaptive")))
                .withRequestBody(matchingJsonPath("$.attachments[0].content.body[0].text"))
                .willReturn(aResponse().withStatus(202)));
        server.stubFor(post(urlPathMatching("/workflows/.*")).atPriority(10)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":\"InvalidRequestContent\"}}")));
        return Map.of(PORT, Integer.toString(server.port()));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
