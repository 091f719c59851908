package io.firebreak.publishing.adapter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import io.firebreak.publishing.adapter.PlatformAdapter.ChannelAccess;
import io.firebreak.publishing.adapter.PlatformAdapter.Post;
import io.firebreak.publishing.adapter.PlatformAdapter.Published;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against an emulated Power Automate workflow trigger: it runs only with its {@code sig}, takes a message holding
 * one Adaptive Card, answers 202, and fails in Power Automate's {@code {"error":{"code","message"}}} shape.
 */
@QuarkusTest
class TeamsWorkflowAdapterTest {

    private static final String TRIGGER = "/powerautomate/automations/direct/workflows/abc/triggers/manual/paths/invoke";
    private static WireMockServer workflows;

    @Inject
    TeamsWorkflowAdapter adapter;

    @BeforeAll
    static void start() {
        workflows = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        workflows.start();
    }

    @AfterAll
    static void stop() {
        workflows.stop();
    }

    @BeforeEach
    void reset() {
        workflows.resetAll();
    }

    private static ChannelAccess workflow(String sig) {
        return new ChannelAccess(UUID.randomUUID(), null, null, Map.of("webhookUrl",
                workflows.baseUrl() + TRIGGER + "?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0"
                        + (sig != null ? "&sig=" + sig : "")));
    }

    private static void triggerAnswers(ResponseDefinitionBuilder answer) {
        workflows.stubFor(post(urlPathEqualTo(TRIGGER)).withQueryParam("sig", equalTo("good-sig"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(matchingJsonPath("$.type", equalTo("message")))
                .withRequestBody(matchingJsonPath("$.attachments[0].contentType",
                        equalTo("application/vnd.microsoft.card.adaptive")))
                .withRequestBody(matchingJsonPath("$.attachments[0].content.type", equalTo("AdaptiveCard")))
                .willReturn(answer));
    }

    private static ResponseDefinitionBuilder error(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}");
    }

    @Test
    void postsTheTextAsAnAdaptiveCardMessage() {
        triggerAnswers(aResponse().withStatus(202));

        Published published = await(adapter.publish(workflow("good-sig"), new Post("k", List.of("We are on it."))));

        assertThat(published).isEqualTo(new Published(null, null));
        workflows.verify(1, postRequestedFor(urlPathEqualTo(TRIGGER)).withRequestBody(equalToJson("""
                {"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive",
                 "contentUrl":null,"content":{"type":"AdaptiveCard",
                 "$schema":"http://adaptivecards.io/schemas/adaptive-card.json","version":"1.4",
                 "body":[{"type":"TextBlock","text":"We are on it.","wrap":true}]}}]}""")));
    }

    @Test
    void aBadSignatureOrAGoneWorkflowBreaksTheChannel() {
        workflows.stubFor(post(urlPathEqualTo(TRIGGER)).withQueryParam("sig", equalTo("expired-sig"))
                .willReturn(error(401, "DirectApiInvalidAuthorizationSignature",
                        "The provided authorization signature is invalid")));
        PlatformException badSig = failureOf(adapter.publish(workflow("expired-sig"), new Post("k", List.of("x"))));
        assertThat(badSig.kind()).isEqualTo(PlatformException.Kind.UNAUTHORIZED);
        assertThat(badSig.getMessage()).contains("DirectApiInvalidAuthorizationSignature");

        workflows.stubFor(post(urlPathEqualTo(TRIGGER)).withQueryParam("sig", equalTo("forbidden-sig"))
                .willReturn(error(403, "AuthorizationFailed", "The client does not have authorization")));
        assertThat(failureOf(adapter.publish(workflow("forbidden-sig"), new Post("k", List.of("x")))).kind())
                .isEqualTo(PlatformException.Kind.UNAUTHORIZED);

        triggerAnswers(error(404, "WorkflowNotFound", "The workflow 'abc' could not be found"));
        assertThat(failureOf(adapter.publish(workflow("good-sig"), new Post("k", List.of("x")))).kind())
                .isEqualTo(PlatformException.Kind.UNAUTHORIZED);
    }

    @Test
    void aMalformedOrOversizedMessageIsRejected() {
        triggerAnswers(error(400, "InvalidRequestContent", "The request content is not valid"));
        assertThat(failureOf(adapter.publish(workflow("good-sig"), new Post("k", List.of("x")))).kind())
                .isEqualTo(PlatformException.Kind.REJECTED);
        triggerAnswers(error(413, "RequestEntityTooLarge", "Request Entity too large"));
        assertThat(failureOf(adapter.publish(workflow("good-sig"), new Post("k", List.of("x")))).getMessage())
                .contains("413", "RequestEntityTooLarge");
    }

    @Test
    void throttlingServerErrorsResetsAndTimeoutsAreTransient() {
        triggerAnswers(error(429, "WorkflowRequestsThrottled", "Rate limit is exceeded").withHeader("Retry-After", "17"));
        PlatformException throttled = failureOf(adapter.publish(workflow("good-sig"), new Post("k", List.of("x"))));
        assertThat(throttled.kind()).isEqualTo(PlatformException.Kind.TRANSIENT);
        assertThat(throttled.retryAfter()).isEqualTo(Duration.ofSeconds(17));

        triggerAnswers(error(502, "BadGateway", "Bad gateway"));
        assertThat(failureOf(adapter.publish(workflow("good-sig"), new Post("k", List.of("x")))).kind())
                .isEqualTo(PlatformException.Kind.TRANSIENT);

        triggerAnswers(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        assertThat(failureOf(adapter.publish(workflow("good-sig"), new Post("k", List.of("x")))).maybeDelivered())
                .isTrue();

        triggerAnswers(aResponse().withStatus(202).withFixedDelay(4000));
        assertThat(failureOf(adapter.publish(workflow("good-sig"), new Post("k", List.of("x")))).maybeDelivered())
                .isTrue();
    }

    @Test
    void verifyChecksTheSignedUrlWithoutRunningTheWorkflow() {
        assertThat(await(adapter.verify(workflow("good-sig"))).account()).startsWith("Teams workflow at ");
        PlatformException unsigned = failureOf(adapter.verify(workflow(null)));
        assertThat(unsigned.kind()).isEqualTo(PlatformException.Kind.REJECTED);
        assertThat(unsigned.getMessage()).contains("sig");
        workflows.verify(0, postRequestedFor(urlMatching(".*")));
    }

    private static <T> T await(Uni<T> call) {
        return call.await().atMost(Duration.ofSeconds(20));
    }

    private static PlatformException failureOf(Uni<?> call) {
        return catchThrowableOfType(() -> await(call), PlatformException.class);
    }
}
