package io.firebreak.publishing.adapter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import io.firebreak.publishing.adapter.PlatformAdapter.ChannelAccess;
import io.firebreak.publishing.adapter.PlatformAdapter.Post;
import io.firebreak.publishing.adapter.PlatformAdapter.Published;
import io.firebreak.publishing.adapter.PlatformAdapter.Verified;
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

/** Against an emulated instance that holds to the Mastodon API: path, Bearer token, Idempotency-Key, JSON body. */
@QuarkusTest
class MastodonAdapterTest {

    private static final String TOKEN = "mastodon-token";
    private static WireMockServer mastodon;

    @Inject
    MastodonAdapter adapter;

    @BeforeAll
    static void start() {
        mastodon = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        mastodon.start();
    }

    @AfterAll
    static void stop() {
        mastodon.stop();
    }

    @BeforeEach
    void reset() {
        mastodon.resetAll();
    }

    private ChannelAccess channel(String token) {
        return new ChannelAccess(UUID.randomUUID(), mastodon.baseUrl(), null, Map.of("accessToken", token));
    }

    private static <T> T await(Uni<T> call) {
        return call.await().atMost(Duration.ofSeconds(20));
    }

    private static void statusesAnswer(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        mastodon.stubFor(post(urlEqualTo("/api/v1/statuses"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Idempotency-Key", com.github.tomakehurst.wiremock.client.WireMock.matching(".+"))
                .withRequestBody(matchingJsonPath("$.status"))
                .willReturn(answer));
    }

    @Test
    void postsAStatusWithTheBearerTokenAndTheIdempotencyKey() {
        statusesAnswer(okJson("{\"id\":\"109\",\"url\":\"https://mastodon.example/@brand/109\"}"));

        Published published = await(adapter.publish(channel(TOKEN), new Post("pub-1", List.of("We are on it."))));

        assertThat(published).isEqualTo(new Published("109", "https://mastodon.example/@brand/109"));
        mastodon.verify(1, postRequestedFor(urlEqualTo("/api/v1/statuses"))
                .withHeader("Idempotency-Key", equalTo("pub-1"))
                .withRequestBody(equalToJson("{\"status\":\"We are on it.\",\"visibility\":\"public\"}")));
    }

    @Test
    void aThreadIsPostedAsRepliesEachWithItsOwnKey() {
        mastodon.stubFor(post(urlEqualTo("/api/v1/statuses")).withHeader("Idempotency-Key", equalTo("pub-2-1"))
                .willReturn(okJson("{\"id\":\"1\",\"url\":\"https://m/1\"}")));
        mastodon.stubFor(post(urlEqualTo("/api/v1/statuses")).withHeader("Idempotency-Key", equalTo("pub-2-2"))
                .withRequestBody(matchingJsonPath("$.in_reply_to_id", equalTo("1")))
                .willReturn(okJson("{\"id\":\"2\",\"url\":\"https://m/2\"}")));

        Published published = await(adapter.publish(channel(TOKEN), new Post("pub-2", List.of("a (1/2)", "b (2/2)"))));

        assertThat(published.externalId()).isEqualTo("1");
        mastodon.verify(2, postRequestedFor(urlEqualTo("/api/v1/statuses")));
    }

    @Test
    void anExpiredTokenIsUnauthorized() {
        mastodon.stubFor(post(urlEqualTo("/api/v1/statuses"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"The access token is invalid\"}")));
        PlatformException failure = failureOf(adapter.publish(channel("expired"), new Post("k", List.of("x"))));
        assertThat(failure.kind()).isEqualTo(PlatformException.Kind.UNAUTHORIZED);
        assertThat(failure.getMessage()).contains("401", "The access token is invalid");
    }

    @Test
    void aMissingScopeIsUnauthorized() {
        statusesAnswer(aResponse().withStatus(403).withBody("{\"error\":\"This action is outside the authorized scopes\"}"));
        assertThat(failureOf(adapter.publish(channel(TOKEN), new Post("k", List.of("x")))).kind())
                .isEqualTo(PlatformException.Kind.UNAUTHORIZED);
    }

    @Test
    void aValidationErrorIsRejectedWithThePlatformsReason() {
        statusesAnswer(aResponse().withStatus(422)
                .withBody("{\"error\":\"Validation failed: Text character limit of 500 exceeded\"}"));
        PlatformException failure = failureOf(adapter.publish(channel(TOKEN), new Post("k", List.of("x"))));
        assertThat(failure.kind()).isEqualTo(PlatformException.Kind.REJECTED);
        assertThat(failure.getMessage()).contains("Text character limit of 500 exceeded");
    }

    @Test
    void aRateLimitIsTransientAndCarriesRetryAfter() {
        statusesAnswer(aResponse().withStatus(429).withHeader("Retry-After", "30")
                .withBody("{\"error\":\"Too many requests\"}"));
        PlatformException failure = failureOf(adapter.publish(channel(TOKEN), new Post("k", List.of("x"))));
        assertThat(failure.kind()).isEqualTo(PlatformException.Kind.TRANSIENT);
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void serverErrorsResetsAndTimeoutsAreTransient() {
        statusesAnswer(aResponse().withStatus(503));
        assertThat(failureOf(adapter.publish(channel(TOKEN), new Post("k", List.of("x")))).kind())
                .isEqualTo(PlatformException.Kind.TRANSIENT);

        statusesAnswer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        assertThat(failureOf(adapter.publish(channel(TOKEN), new Post("k", List.of("x")))).kind())
                .isEqualTo(PlatformException.Kind.TRANSIENT);

        statusesAnswer(okJson("{\"id\":\"1\"}").withFixedDelay(4000)); // the test timeout is 2 s
        assertThat(failureOf(adapter.publish(channel(TOKEN), new Post("k", List.of("x")))).kind())
                .isEqualTo(PlatformException.Kind.TRANSIENT);
    }

    @Test
    void verifyReadsTheAccountAndTheInstanceLimitWithoutPosting() {
        mastodon.stubFor(get(urlEqualTo("/api/v1/accounts/verify_credentials"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(okJson("{\"id\":\"1\",\"acct\":\"brand\"}")));
        mastodon.stubFor(get(urlEqualTo("/api/v2/instance"))
                .willReturn(okJson("{\"domain\":\"m\",\"configuration\":{\"statuses\":{\"max_characters\":1000}}}")));

        Verified verified = await(adapter.verify(channel(TOKEN)));

        assertThat(verified).isEqualTo(new Verified("brand", 1000));
        mastodon.verify(0, postRequestedFor(urlEqualTo("/api/v1/statuses")));
    }

    private static Post replyTo(String postId, String postUrl) {
        return new Post("reply-1", List.of("Thank you, we are looking into it."), null,
                new PlatformAdapter.ReplyTo(postId, postUrl));
    }

    @Test
    void aReplyToAStatusOnTheChannelsInstanceNamesItInReplyTo() {
        statusesAnswer(okJson("{\"id\":\"1200\",\"url\":\"https://mastodon.example/@brand/1200\"}"));

        Published published = await(adapter.publish(channel(TOKEN), replyTo("1100", mastodon.baseUrl() + "/@critic/1100")));

        assertThat(published.externalId()).isEqualTo("1200");
        mastodon.verify(1, postRequestedFor(urlEqualTo("/api/v1/statuses"))
                .withHeader("Idempotency-Key", equalTo("reply-1"))
                .withRequestBody(equalToJson("{\"status\":\"Thank you, we are looking into it.\",\"visibility\":"
                        + "\"public\",\"in_reply_to_id\":\"1100\"}")));
        mastodon.verify(0, getRequestedFor(urlPathEqualTo("/api/v2/search")));
    }

    @Test
    void aReplyToAStatusOnAnotherInstanceResolvesItsLocalIdByUrlFirst() {
        String url = "https://other.example/@critic/555";
        mastodon.stubFor(get(urlPathEqualTo("/api/v2/search")).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withQueryParam("q", equalTo(url)).withQueryParam("resolve", equalTo("true"))
                .withQueryParam("type", equalTo("statuses"))
                .willReturn(okJson("{\"accounts\":[],\"statuses\":[{\"id\":\"1109\",\"uri\":"
                        + "\"https://other.example/users/critic/statuses/555\",\"url\":\"" + url + "\"}],\"hashtags\":[]}")));
        statusesAnswer(okJson("{\"id\":\"1201\",\"url\":\"https://mastodon.example/@brand/1201\"}"));

        await(adapter.publish(channel(TOKEN), replyTo("555", url)));

        mastodon.verify(1, postRequestedFor(urlEqualTo("/api/v1/statuses"))
                .withRequestBody(matchingJsonPath("$.in_reply_to_id", equalTo("1109"))));
    }

    @Test
    void aReplyToAStatusTheInstanceCannotFindIsRejectedWithoutPosting() {
        mastodon.stubFor(get(urlPathEqualTo("/api/v2/search"))
                .willReturn(okJson("{\"accounts\":[],\"statuses\":[],\"hashtags\":[]}")));

        PlatformException failure = failureOf(adapter.publish(channel(TOKEN),
                replyTo("555", "https://other.example/@critic/555")));

        assertThat(failure.kind()).isEqualTo(PlatformException.Kind.REJECTED);
        assertThat(failure.getMessage()).contains("https://other.example/@critic/555", "cannot be found");
        mastodon.verify(0, postRequestedFor(urlEqualTo("/api/v1/statuses")));
    }

    @Test
    void aReplyToADeletedStatusIsRejectedNotRetried() {
        statusesAnswer(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"Record not found\"}"));

        PlatformException failure = failureOf(adapter.publish(channel(TOKEN), replyTo("1100", null)));

        assertThat(failure.kind()).isEqualTo(PlatformException.Kind.REJECTED);
        assertThat(failure.getMessage()).contains("deleted", "Record not found");
    }

    private static PlatformException failureOf(Uni<?> call) {
        return catchThrowableOfType(() -> await(call), PlatformException.class);
    }
}
