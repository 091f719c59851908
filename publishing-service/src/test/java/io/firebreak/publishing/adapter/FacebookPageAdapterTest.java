package io.firebreak.publishing.adapter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import io.firebreak.publishing.adapter.PlatformAdapter.ChannelAccess;
import io.firebreak.publishing.adapter.PlatformAdapter.Lookup;
import io.firebreak.publishing.adapter.PlatformAdapter.Post;
import io.firebreak.publishing.adapter.PlatformAdapter.Published;
import io.firebreak.publishing.adapter.PlatformAdapter.Verified;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against an emulated Graph API that holds to the page feed contract: versioned path, the page access token, a
 * JSON body with {@code message}, and Graph-shaped errors.
 */
@QuarkusTest
class FacebookPageAdapterTest {

    private static final String PAGE = "104857600";
    private static final String FEED = "/v24.0/" + PAGE + "/feed";
    private static WireMockServer graph;

    @Inject
    FacebookPageAdapter adapter;

    @BeforeAll
    static void start() {
        graph = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        graph.start();
    }

    @AfterAll
    static void stop() {
        graph.stop();
    }

    @BeforeEach
    void reset() {
        graph.resetAll();
    }

    private static ChannelAccess page() {
        return new ChannelAccess(UUID.randomUUID(), graph.baseUrl(), PAGE, Map.of("pageToken", "page-token"));
    }

    /** The feed accepts only what the Graph API documents: page token, a message, JSON. */
    private static void feedAnswers(ResponseDefinitionBuilder answer) {
        graph.stubFor(post(urlEqualTo(FEED)).withHeader("Authorization", equalTo("Bearer page-token"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.message"))
                .willReturn(answer));
    }

    private static ResponseDefinitionBuilder graphError(int status, int code, Integer subcode, String type,
                                                        String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"code\":" + code
                        + (subcode != null ? ",\"error_subcode\":" + subcode : "") + ",\"fbtrace_id\":\"AbCdEf\"}}");
    }

    @Test
    void postsTheMessageToThePageFeedWithThePageToken() {
        feedAnswers(okJson("{\"id\":\"" + PAGE + "_555\"}"));

        Published published = await(adapter.publish(page(), new Post("k", List.of("We are on it."))));

        assertThat(published).isEqualTo(new Published(PAGE + "_555", "https://www.facebook.com/" + PAGE + "_555"));
        graph.verify(1, postRequestedFor(urlEqualTo(FEED))
                .withRequestBody(equalToJson("{\"message\":\"We are on it.\"}")));
    }

    @Test
    void anExpiredTokenCode190IsUnauthorizedWithTheGraphReason() {
        feedAnswers(graphError(400, 190, 463, "OAuthException",
                "Error validating access token: Session has expired on Monday, 23-Nov-26 10:00:00 PST."));
        PlatformException failure = failureOf(adapter.publish(page(), new Post("k", List.of("x"))));
        assertThat(failure.kind()).isEqualTo(PlatformException.Kind.UNAUTHORIZED);
        assertThat(failure.getMessage()).contains("#190/463", "Session has expired", "AbCdEf");
    }

    @Test
    void aMissingPermissionIsUnauthorized() {
        feedAnswers(graphError(403, 200, null, "OAuthException",
                "(#200) The user hasn't authorized the application to perform this action"));
        assertThat(failureOf(adapter.publish(page(), new Post("k", List.of("x")))).kind())
                .isEqualTo(PlatformException.Kind.UNAUTHORIZED);
    }

    @Test
    void aValidationErrorOrADuplicateRejectsThePostOnly() {
        feedAnswers(graphError(400, 100, null, "OAuthException", "(#100) Invalid parameter"));
        assertThat(failureOf(adapter.publish(page(), new Post("k", List.of("x")))).kind())
                .isEqualTo(PlatformException.Kind.REJECTED);
        feedAnswers(graphError(400, 506, null, "OAuthException", "Duplicate status message"));
        PlatformException duplicate = failureOf(adapter.publish(page(), new Post("k", List.of("x"))));
        assertThat(duplicate.kind()).isEqualTo(PlatformException.Kind.REJECTED);
        assertThat(duplicate.getMessage()).contains("Duplicate status message");
    }

    @Test
    void rateLimitsAreTransientAndHonourRetryAfter() {
        feedAnswers(graphError(400, 32, null, "OAuthException", "(#32) Page request limit reached"));
        assertThat(failureOf(adapter.publish(page(), new Post("k", List.of("x")))).kind())
                .isEqualTo(PlatformException.Kind.TRANSIENT);
        feedAnswers(graphError(429, 4, null, "OAuthException", "(#4) Application request limit reached")
                .withHeader("Retry-After", "60"));
        PlatformException limited = failureOf(adapter.publish(page(), new Post("k", List.of("x"))));
        assertThat(limited.kind()).isEqualTo(PlatformException.Kind.TRANSIENT);
        assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void serverErrorsAreTransientAndAnInterruptedSendMayHaveGoneOut() {
        feedAnswers(graphError(500, 2, null, "OAuthException", "An unexpected error has occurred."));
        PlatformException serverError = failureOf(adapter.publish(page(), new Post("k", List.of("x"))));
        assertThat(serverError.kind()).isEqualTo(PlatformException.Kind.TRANSIENT);
        assertThat(serverError.maybeDelivered()).isFalse();

        feedAnswers(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        PlatformException reset = failureOf(adapter.publish(page(), new Post("k", List.of("x"))));
        assertThat(reset.kind()).isEqualTo(PlatformException.Kind.TRANSIENT);
        assertThat(reset.maybeDelivered()).isTrue();

        feedAnswers(okJson("{\"id\":\"1\"}").withFixedDelay(4000)); // the test timeout is 2 s
        PlatformException timeout = failureOf(adapter.publish(page(), new Post("k", List.of("x"))));
        assertThat(timeout.kind()).isEqualTo(PlatformException.Kind.TRANSIENT);
        assertThat(timeout.maybeDelivered()).isTrue();
    }

    @Test
    void aRefusedConnectionSentNothing() {
        ChannelAccess nowhere = new ChannelAccess(UUID.randomUUID(), "http://127.0.0.1:1", PAGE,
                Map.of("pageToken", "page-token"));
        PlatformException refused = failureOf(adapter.publish(nowhere, new Post("k", List.of("x"))));
        assertThat(refused.kind()).isEqualTo(PlatformException.Kind.TRANSIENT);
        assertThat(refused.maybeDelivered()).isFalse();
    }

    @Test
    void verifyReadsThePageWithoutPosting() {
        graph.stubFor(get(urlPathEqualTo("/v24.0/" + PAGE)).withQueryParam("fields", equalTo("id,name"))
                .withHeader("Authorization", equalTo("Bearer page-token"))
                .willReturn(okJson("{\"id\":\"" + PAGE + "\",\"name\":\"Brand\"}")));
        assertThat(await(adapter.verify(page()))).isEqualTo(new Verified("Brand", null));
        graph.verify(0, postRequestedFor(urlMatching(".*")));
    }

    @Test
    void theLookupFindsThePostInThePageFeedByItsMessage() {
        Instant since = Instant.parse("2026-11-23T10:00:00Z");
        graph.stubFor(get(urlPathEqualTo(FEED)).withHeader("Authorization", equalTo("Bearer page-token"))
                .withQueryParam("since", equalTo(String.valueOf(since.getEpochSecond())))
                .willReturn(okJson("{\"data\":[{\"id\":\"" + PAGE + "_9\",\"message\":\"Another post\"},"
                        + "{\"id\":\"" + PAGE + "_7\",\"message\":\"We are on it.\","
                        + "\"permalink_url\":\"https://www.facebook.com/brand/posts/7\"}],\"paging\":{}}")));

        assertThat(await(adapter.lookUp(page(), new Post("k", List.of("We are on it.")), since)))
                .isEqualTo(Lookup.found(new Published(PAGE + "_7", "https://www.facebook.com/brand/posts/7")));
        assertThat(await(adapter.lookUp(page(), new Post("k", List.of("Not posted yet.")), since)))
                .isEqualTo(Lookup.absent());
        graph.verify(0, postRequestedFor(urlMatching(".*")));
    }

    private static <T> T await(Uni<T> call) {
        return call.await().atMost(Duration.ofSeconds(20));
    }

    private static PlatformException failureOf(Uni<?> call) {
        return catchThrowableOfType(() -> await(call), PlatformException.class);
    }

    private static final String CRITIC_POST = "987654321_1122334455";
    private static final String COMMENTS = "/v24.0/" + CRITIC_POST + "/comments";

    private static Post reply(String text) {
        return new Post("k", List.of(text), null, new PlatformAdapter.ReplyTo(CRITIC_POST,
                "https://www.facebook.com/987654321/posts/1122334455"));
    }

    @Test
    void aReplyIsACommentOfThePageOnTheCriticsPost() {
        graph.stubFor(post(urlEqualTo(COMMENTS)).withHeader("Authorization", equalTo("Bearer page-token"))
                .withRequestBody(equalToJson("{\"message\":\"We are sorry, a fix is coming.\"}"))
                .willReturn(okJson("{\"id\":\"1122334455_777\"}")));

        Published published = await(adapter.publish(page(), reply("We are sorry, a fix is coming.")));

        assertThat(published).isEqualTo(new Published("1122334455_777",
                "https://www.facebook.com/" + CRITIC_POST + "?comment_id=1122334455_777"));
        graph.verify(0, postRequestedFor(urlEqualTo(FEED)));
    }

    @Test
    void aCommentOnADeletedPostIsRejectedWithGraphsReason() {
        graph.stubFor(post(urlEqualTo(COMMENTS)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Unsupported post request. Object with ID '" + CRITIC_POST
                        + "' does not exist, cannot be loaded due to missing permissions, or does not support this"
                        + " operation.\",\"type\":\"GraphMethodException\",\"code\":100,\"error_subcode\":33,"
                        + "\"fbtrace_id\":\"AbCdEf\"}}")));

        PlatformException failure = failureOf(adapter.publish(page(), reply("Sorry.")));

        assertThat(failure.kind()).isEqualTo(PlatformException.Kind.REJECTED);
        assertThat(failure.getMessage()).contains("does not exist", "#100/33");
    }

    @Test
    void anInterruptedCommentIsLookedUpAmongThePostsCommentsAsThePagesOwn() {
        graph.stubFor(get(urlPathEqualTo(COMMENTS)).withHeader("Authorization", equalTo("Bearer page-token"))
                .withQueryParam("fields", equalTo("id,message,from,created_time,permalink_url"))
                .willReturn(okJson("{\"data\":[{\"id\":\"1122334455_700\",\"message\":\"We are sorry.\","
                        + "\"from\":{\"id\":\"555\",\"name\":\"A critic quoting us\"}},"
                        + "{\"id\":\"1122334455_701\",\"message\":\"We are sorry.\",\"from\":{\"id\":\"" + PAGE
                        + "\",\"name\":\"Brand\"},\"permalink_url\":\"https://www.facebook.com/c/701\"}],"
                        + "\"paging\":{}}")));

        Lookup found = await(adapter.lookUp(page(), reply("We are sorry."), Instant.now().minusSeconds(60)));
        Lookup absent = await(adapter.lookUp(page(), reply("Not said yet."), Instant.now().minusSeconds(60)));

        assertThat(found).isEqualTo(Lookup.found(new Published("1122334455_701", "https://www.facebook.com/c/701")));
        assertThat(absent.outcome()).isEqualTo(Lookup.Outcome.ABSENT);
        graph.verify(0, getRequestedFor(urlPathEqualTo(FEED)));
    }
}
