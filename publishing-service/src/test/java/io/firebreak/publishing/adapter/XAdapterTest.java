package io.firebreak.publishing.adapter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.firebreak.publishing.TestClock;
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

/** Against an emulated X API v2 with its problem-shaped errors. */
@QuarkusTest
class XAdapterTest {

    private static WireMockServer x;

    @Inject
    XAdapter adapter;
    @Inject
    TestClock clock;

    @BeforeAll
    static void start() {
        x = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        x.start();
    }

    @AfterAll
    static void stop() {
        x.stop();
    }

    @BeforeEach
    void reset() {
        x.resetAll();
    }

    private static ChannelAccess channel() {
        return new ChannelAccess(UUID.randomUUID(), x.baseUrl(), null, Map.of("accessToken", "user-token"));
    }

    private static void tweets(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        x.stubFor(post(urlEqualTo("/2/tweets")).withHeader("Authorization", equalTo("Bearer user-token"))
                .withRequestBody(matchingJsonPath("$.text")).willReturn(answer));
    }

    @Test
    void postsATweetAndAThreadAsReplies() {
        x.stubFor(post(urlEqualTo("/2/tweets")).withRequestBody(equalToJson("{\"text\":\"a (1/2)\"}"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"data\":{\"id\":\"100\",\"text\":\"a (1/2)\"}}")));
        x.stubFor(post(urlEqualTo("/2/tweets"))
                .withRequestBody(equalToJson("{\"text\":\"b (2/2)\",\"reply\":{\"in_reply_to_tweet_id\":\"100\"}}"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"data\":{\"id\":\"101\",\"text\":\"b (2/2)\"}}")));

        Published published = await(adapter.publish(channel(), new Post("k", List.of("a (1/2)", "b (2/2)"))));

        assertThat(published).isEqualTo(new Published("100", "https://x.com/i/web/status/100"));
        x.verify(2, postRequestedFor(urlEqualTo("/2/tweets")).withHeader("Authorization", equalTo("Bearer user-token")));
    }

    @Test
    void aRateLimitWaitsUntilTheWindowResets() {
        long reset = clock.instant().plusSeconds(90).getEpochSecond();
        tweets(aResponse().withStatus(429).withHeader("x-rate-limit-reset", String.valueOf(reset))
                .withBody("{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\",\"type\":\"about:blank\",\"status\":429}"));
        PlatformException failure = failureOf(adapter.publish(channel(), new Post("k", List.of("x"))));
        assertThat(failure.kind()).isEqualTo(PlatformException.Kind.TRANSIENT);
        assertThat(failure.retryAfter()).isBetween(Duration.ofSeconds(85), Duration.ofSeconds(90));
    }

    @Test
    void anInvalidTokenIsUnauthorizedButADuplicateOnlyRejectsThePost() {
        tweets(aResponse().withStatus(401).withBody("{\"title\":\"Unauthorized\",\"detail\":\"Unauthorized\",\"status\":401}"));
        assertThat(failureOf(adapter.publish(channel(), new Post("k", List.of("x")))).kind())
                .isEqualTo(PlatformException.Kind.UNAUTHORIZED);
        tweets(aResponse().withStatus(403).withBody("{\"detail\":\"You are not allowed to create a Tweet with duplicate"
                + " content.\",\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403}"));
        assertThat(failureOf(adapter.publish(channel(), new Post("k", List.of("x")))).kind())
                .isEqualTo(PlatformException.Kind.REJECTED);
        tweets(aResponse().withStatus(503).withBody("{\"title\":\"Service Unavailable\"}"));
        assertThat(failureOf(adapter.publish(channel(), new Post("k", List.of("x")))).kind())
                .isEqualTo(PlatformException.Kind.TRANSIENT);
    }

    @Test
    void verifyReadsTheUser() {
        x.stubFor(get(urlEqualTo("/2/users/me")).withHeader("Authorization", equalTo("Bearer user-token"))
                .willReturn(okJson("{\"data\":{\"id\":\"1\",\"name\":\"Brand\",\"username\":\"brand\"}}")));
        assertThat(await(adapter.verify(channel())).account()).isEqualTo("brand");
    }

    @Test
    void theLookupFindsEveryPartOfAThreadAmongTheUsersTweetsDespiteTcoLinks() {
        java.time.Instant since = java.time.Instant.parse("2026-11-23T10:00:00Z");
        x.stubFor(get(urlEqualTo("/2/users/me")).withHeader("Authorization", equalTo("Bearer user-token"))
                .willReturn(okJson("{\"data\":{\"id\":\"2244994945\",\"username\":\"brand\"}}")));
        x.stubFor(get(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/2/users/2244994945/tweets"))
                .withHeader("Authorization", equalTo("Bearer user-token"))
                .withQueryParam("start_time", equalTo("2026-11-23T10:00:00Z"))
                .willReturn(okJson("{\"data\":[{\"id\":\"11\",\"text\":\"b (2/2)\"},"
                        + "{\"id\":\"10\",\"text\":\"a https://t.co/xYz (1/2)\"}],\"meta\":{\"result_count\":2}}")));

        assertThat(await(adapter.lookUp(channel(), new Post("k", List.of("a https://status.example/1 (1/2)", "b (2/2)")),
                since))).isEqualTo(PlatformAdapter.Lookup.found(new Published("10", "https://x.com/i/web/status/10")));
        assertThat(await(adapter.lookUp(channel(), new Post("k", List.of("a https://status.example/1 (1/2)", "c (2/2)")),
                since)).outcome()).isEqualTo(PlatformAdapter.Lookup.Outcome.PARTIAL);
        assertThat(await(adapter.lookUp(channel(), new Post("k", List.of("never sent")), since)).outcome())
                .isEqualTo(PlatformAdapter.Lookup.Outcome.ABSENT);
        x.verify(0, postRequestedFor(urlEqualTo("/2/tweets")));
    }

    private static <T> T await(Uni<T> call) {
        return call.await().atMost(Duration.ofSeconds(20));
    }

    private static PlatformException failureOf(Uni<?> call) {
        return catchThrowableOfType(() -> await(call), PlatformException.class);
    }

    @Test
    void aReplyIsATweetInReplyToTheCriticsTweet() {
        x.stubFor(post(urlEqualTo("/2/tweets")).withHeader("Authorization", equalTo("Bearer user-token"))
                .withRequestBody(equalToJson("{\"text\":\"We hear you.\",\"reply\":{\"in_reply_to_tweet_id\":"
                        + "\"1850000000000000001\"}}"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"data\":{\"id\":\"1850000000000000099\",\"text\":\"We hear you.\"}}")));

        Published published = await(adapter.publish(channel(), new Post("k", List.of("We hear you."), null,
                new PlatformAdapter.ReplyTo("1850000000000000001", "https://x.com/critic/status/1850000000000000001"))));

        assertThat(published.externalId()).isEqualTo("1850000000000000099");
    }

    @Test
    void aReplyToADeletedTweetIsRejectedWithoutBreakingTheChannel() {
        x.stubFor(post(urlEqualTo("/2/tweets")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"detail\":\"You attempted to reply to a Tweet that is deleted or not visible to you.\","
                        + "\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403}")));

        PlatformException failure = failureOf(adapter.publish(channel(), new Post("k", List.of("We hear you."), null,
                new PlatformAdapter.ReplyTo("1850000000000000001", null))));

        assertThat(failure.kind()).isEqualTo(PlatformException.Kind.REJECTED);
        assertThat(failure.getMessage()).contains("deleted or not visible");
    }
}
