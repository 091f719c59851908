package io.firebreak.publishing.adapter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.firebreak.publishing.adapter.PlatformAdapter.ChannelAccess;
import io.firebreak.publishing.adapter.PlatformAdapter.Post;
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

/** Against an emulated Slack incoming webhook, with Slack's plain-text error answers. */
@QuarkusTest
class SlackWebhookAdapterTest {

    private static final String HOOK = "/services/T000/B000/XXXX";
    private static WireMockServer slack;

    @Inject
    SlackWebhookAdapter adapter;

    @BeforeAll
    static void start() {
        slack = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        slack.start();
    }

    @AfterAll
    static void stop() {
        slack.stop();
    }

    @BeforeEach
    void reset() {
        slack.resetAll();
        // A live webhook refuses an empty payload and posts nothing.
        slack.stubFor(post(urlEqualTo(HOOK)).withRequestBody(equalToJson("{}"))
                .willReturn(aResponse().withStatus(400).withBody("no_text")));
    }

    private ChannelAccess channel() {
        return new ChannelAccess(UUID.randomUUID(), null, null, Map.of("webhookUrl", slack.baseUrl() + HOOK));
    }

    private static void answer(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        slack.stubFor(post(urlEqualTo(HOOK)).withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(matchingJsonPath("$.text")).willReturn(answer));
    }

    @Test
    void postsTheTextAsJson() {
        answer(aResponse().withStatus(200).withBody("ok"));
        await(adapter.publish(channel(), new Post("k", List.of("We are on it."))));
        slack.verify(1, postRequestedFor(urlEqualTo(HOOK)).withRequestBody(equalToJson("{\"text\":\"We are on it.\"}")));
        assertThat(adapter.idempotent()).isFalse();
    }

    @Test
    void aRevokedWebhookIsUnauthorizedAndABadPayloadRejected() {
        answer(aResponse().withStatus(404).withBody("no_service"));
        assertThat(failureOf(adapter.publish(channel(), new Post("k", List.of("x")))).kind())
                .isEqualTo(PlatformException.Kind.UNAUTHORIZED);
        answer(aResponse().withStatus(403).withBody("action_prohibited"));
        assertThat(failureOf(adapter.publish(channel(), new Post("k", List.of("x")))).kind())
                .isEqualTo(PlatformException.Kind.UNAUTHORIZED);
        answer(aResponse().withStatus(400).withBody("invalid_payload"));
        PlatformException rejected = failureOf(adapter.publish(channel(), new Post("k", List.of("x"))));
        assertThat(rejected.kind()).isEqualTo(PlatformException.Kind.REJECTED);
        assertThat(rejected.getMessage()).contains("invalid_payload");
    }

    @Test
    void rateLimitsAndServerErrorsAreTransient() {
        answer(aResponse().withStatus(429).withHeader("Retry-After", "7").withBody("rate_limited"));
        PlatformException limited = failureOf(adapter.publish(channel(), new Post("k", List.of("x"))));
        assertThat(limited.kind()).isEqualTo(PlatformException.Kind.TRANSIENT);
        assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        answer(aResponse().withStatus(500).withBody("rollup_error"));
        assertThat(failureOf(adapter.publish(channel(), new Post("k", List.of("x")))).kind())
                .isEqualTo(PlatformException.Kind.TRANSIENT);
    }

    @Test
    void verifyPostsNothing() {
        assertThat(await(adapter.verify(channel())).account()).contains("slack");
        slack.verify(0, postRequestedFor(urlEqualTo(HOOK)).withRequestBody(matchingJsonPath("$.text")));
    }

    private static <T> T await(Uni<T> call) {
        return call.await().atMost(Duration.ofSeconds(20));
    }

    private static PlatformException failureOf(Uni<?> call) {
        return catchThrowableOfType(() -> await(call), PlatformException.class);
    }
}
