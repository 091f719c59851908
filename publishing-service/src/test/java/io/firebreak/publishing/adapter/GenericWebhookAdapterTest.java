package io.firebreak.publishing.adapter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
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

@QuarkusTest
class GenericWebhookAdapterTest {

    private static final String SECRET = "whsec-test";
    private static WireMockServer receiver;

    @Inject
    GenericWebhookAdapter adapter;

    @BeforeAll
    static void start() {
        receiver = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        receiver.start();
    }

    @AfterAll
    static void stop() {
        receiver.stop();
    }

    @BeforeEach
    void reset() {
        receiver.resetAll();
    }

    private ChannelAccess channel() {
        return new ChannelAccess(UUID.randomUUID(), receiver.baseUrl() + "/hooks/firebreak", null,
                Map.of("secret", SECRET));
    }

    @Test
    void theBodyIsSignedWithHmacSha256OverTimestampAndBody() {
        receiver.stubFor(post(urlEqualTo("/hooks/firebreak"))
                .withHeader("X-Firebreak-Signature", matching("sha256=[0-9a-f]{64}"))
                .withHeader("X-Firebreak-Timestamp", matching("[0-9]+"))
                .withHeader("Idempotency-Key", matching("pub-9"))
                .willReturn(okJson("{\"id\":\"ext-1\",\"url\":\"https://intranet.example/news/1\"}")));

        Published published = await(adapter.publish(channel(), new Post("pub-9", List.of("We are on it."))));

        assertThat(published).isEqualTo(new Published("ext-1", "https://intranet.example/news/1"));
        LoggedRequest request = receiver.findAll(postRequestedFor(urlEqualTo("/hooks/firebreak"))).get(0);
        String expected = "sha256=" + GenericWebhookAdapter.sign(SECRET,
                request.getHeader("X-Firebreak-Timestamp") + "." + request.getBodyAsString());
        assertThat(request.getHeader("X-Firebreak-Signature")).isEqualTo(expected);
        assertThat(request.getBodyAsString()).contains("\"id\":\"pub-9\"", "We are on it.");
        // A signature made with another secret does not match: the receiver can tell a forgery.
        assertThat(GenericWebhookAdapter.sign("other", request.getHeader("X-Firebreak-Timestamp") + "."
                + request.getBodyAsString())).isNotEqualTo(expected.substring("sha256=".length()));
    }

    @Test
    void errorAnswersAreClassified() {
        receiver.stubFor(post(urlEqualTo("/hooks/firebreak")).willReturn(aResponse().withStatus(401)));
        assertThat(failureOf(adapter.publish(channel(), new Post("k", List.of("x")))).kind())
                .isEqualTo(PlatformException.Kind.UNAUTHORIZED);
        receiver.stubFor(post(urlEqualTo("/hooks/firebreak")).willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":\"text too long\"}")));
        assertThat(failureOf(adapter.publish(channel(), new Post("k", List.of("x")))).getMessage())
                .contains("text too long");
        receiver.stubFor(post(urlEqualTo("/hooks/firebreak")).willReturn(aResponse().withStatus(503)
                .withHeader("Retry-After", "5")));
        assertThat(failureOf(adapter.publish(channel(), new Post("k", List.of("x")))).retryAfter())
                .isEqualTo(Duration.ofSeconds(5));
    }

    private static <T> T await(Uni<T> call) {
        return call.await().atMost(Duration.ofSeconds(20));
    }

    private static PlatformException failureOf(Uni<?> call) {
        return catchThrowableOfType(() -> await(call), PlatformException.class);
    }
}
