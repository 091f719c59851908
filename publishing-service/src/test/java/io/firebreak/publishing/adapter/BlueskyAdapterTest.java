package io.firebreak.publishing.adapter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
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

/** Against an emulated PDS: XRPC paths, app-password login, Bearer session tokens, createRecord's record shape. */
@QuarkusTest
class BlueskyAdapterTest {

    private static final String CREATE_SESSION = "/xrpc/com.atproto.server.createSession";
    private static final String REFRESH_SESSION = "/xrpc/com.atproto.server.refreshSession";
    private static final String CREATE_RECORD = "/xrpc/com.atproto.repo.createRecord";
    private static WireMockServer pds;

    @Inject
    BlueskyAdapter adapter;

    @BeforeAll
    static void start() {
        pds = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        pds.start();
    }

    @AfterAll
    static void stop() {
        pds.stop();
    }

    @BeforeEach
    void reset() {
        pds.resetAll();
        pds.stubFor(post(urlEqualTo(CREATE_SESSION))
                .withRequestBody(equalToJson("{\"identifier\":\"brand.bsky.social\",\"password\":\"app-pass\"}"))
                .willReturn(okJson("{\"did\":\"did:plc:brand\",\"handle\":\"brand.bsky.social\","
                        + "\"accessJwt\":\"access-1\",\"refreshJwt\":\"refresh-1\"}")));
        pds.stubFor(post(urlEqualTo(REFRESH_SESSION)).withHeader("Authorization", equalTo("Bearer refresh-1"))
                .willReturn(okJson("{\"did\":\"did:plc:brand\",\"handle\":\"brand.bsky.social\","
                        + "\"accessJwt\":\"access-2\",\"refreshJwt\":\"refresh-2\"}")));
    }

    private static ChannelAccess channel() {
        return new ChannelAccess(UUID.randomUUID(), pds.baseUrl(), null,
                Map.of("identifier", "brand.bsky.social", "appPassword", "app-pass"));
    }

    private static void recordsAccepted(String accessJwt) {
        pds.stubFor(post(urlEqualTo(CREATE_RECORD)).withHeader("Authorization", equalTo("Bearer " + accessJwt))
                .withRequestBody(matchingJsonPath("$.repo", equalTo("did:plc:brand")))
                .withRequestBody(matchingJsonPath("$.collection", equalTo("app.bsky.feed.post")))
                .withRequestBody(matchingJsonPath("$.record.text"))
                .withRequestBody(matchingJsonPath("$.record.createdAt"))
                .willReturn(okJson("{\"uri\":\"at://did:plc:brand/app.bsky.feed.post/3kabc\",\"cid\":\"bafyc\"}")));
    }

    @Test
    void logsInOnceAndPostsWithLinkFacets() {
        recordsAccepted("access-1");
        ChannelAccess channel = channel();

        Published published = await(adapter.publish(channel, new Post("k1", List.of("See https://s.example/x"))));
        await(adapter.publish(channel, new Post("k2", List.of("Second"))));

        assertThat(published).isEqualTo(new Published("at://did:plc:brand/app.bsky.feed.post/3kabc",
                "https://bsky.app/profile/brand.bsky.social/post/3kabc"));
        pds.verify(1, postRequestedFor(urlEqualTo(CREATE_SESSION)));
        pds.verify(1, postRequestedFor(urlEqualTo(CREATE_RECORD))
                .withRequestBody(matchingJsonPath("$.record.facets[0].index.byteStart", equalTo("4")))
                .withRequestBody(matchingJsonPath("$.record.facets[0].features[0].uri", equalTo("https://s.example/x"))));
    }

    @Test
    void anExpiredAccessTokenIsRefreshedNotReplacedByANewLogin() {
        pds.stubFor(post(urlEqualTo(CREATE_RECORD)).withHeader("Authorization", equalTo("Bearer access-1"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"ExpiredToken\",\"message\":\"Token has expired\"}")));
        recordsAccepted("access-2");

        await(adapter.publish(channel(), new Post("k", List.of("After expiry"))));

        pds.verify(1, postRequestedFor(urlEqualTo(CREATE_SESSION)));
        pds.verify(1, postRequestedFor(urlEqualTo(REFRESH_SESSION)));
        pds.verify(1, postRequestedFor(urlEqualTo(CREATE_RECORD)).withHeader("Authorization", equalTo("Bearer access-2")));
    }

    @Test
    void aThreadRepliesWithRootAndParent() {
        pds.stubFor(post(urlEqualTo(CREATE_RECORD)).inScenario("thread").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"uri\":\"at://did:plc:brand/app.bsky.feed.post/1\",\"cid\":\"c1\"}"))
                .willSetStateTo("second"));
        pds.stubFor(post(urlEqualTo(CREATE_RECORD)).inScenario("thread").whenScenarioStateIs("second")
                .withRequestBody(matchingJsonPath("$.record.reply.root.uri", equalTo("at://did:plc:brand/app.bsky.feed.post/1")))
                .withRequestBody(matchingJsonPath("$.record.reply.parent.cid", equalTo("c1")))
                .willReturn(okJson("{\"uri\":\"at://did:plc:brand/app.bsky.feed.post/2\",\"cid\":\"c2\"}")));

        Published published = await(adapter.publish(channel(), new Post("k", List.of("a (1/2)", "b (2/2)"))));

        assertThat(published.externalId()).endsWith("/1");
        pds.verify(2, postRequestedFor(urlEqualTo(CREATE_RECORD)));
    }

    @Test
    void aWrongAppPasswordIsUnauthorizedAndARateLimitTransient() {
        ChannelAccess wrong = new ChannelAccess(UUID.randomUUID(), pds.baseUrl(), null,
                Map.of("identifier", "brand.bsky.social", "appPassword", "nope"));
        pds.stubFor(post(urlEqualTo(CREATE_SESSION)).withRequestBody(matchingJsonPath("$.password", equalTo("nope")))
                .willReturn(aResponse().withStatus(401).withBody(
                        "{\"error\":\"AuthenticationRequired\",\"message\":\"Invalid identifier or password\"}")));
        PlatformException refused = failureOf(adapter.verify(wrong));
        assertThat(refused.kind()).isEqualTo(PlatformException.Kind.UNAUTHORIZED);
        assertThat(refused.getMessage()).contains("Invalid identifier or password");

        pds.stubFor(post(urlEqualTo(CREATE_RECORD)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "9")
                .withBody("{\"error\":\"RateLimitExceeded\",\"message\":\"Rate Limit Exceeded\"}")));
        PlatformException limited = failureOf(adapter.publish(channel(), new Post("k", List.of("x"))));
        assertThat(limited.kind()).isEqualTo(PlatformException.Kind.TRANSIENT);
        assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(9));
    }

    @Test
    void eachPartGetsARecordKeyThatIsAValidTidAndTheSameOnEveryRetry() {
        java.time.Instant created = java.time.Instant.parse("2026-11-23T10:00:00.123Z");
        Post post = new Post("7f1c0e2a-9a39-4d7e-9d4f-0b8c3c2f1a10", List.of("a (1/2)", "b (2/2)"), created);
        String first = BlueskyAdapter.recordKey(post, 0);
        assertThat(first).matches("[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}")
                .isEqualTo(BlueskyAdapter.recordKey(new Post(post.idempotencyKey(), post.parts(), created), 0))
                .isNotEqualTo(BlueskyAdapter.recordKey(post, 1))
                .isNotEqualTo(BlueskyAdapter.recordKey(new Post(UUID.randomUUID().toString(), post.parts(), created), 0));
        // The TID's time is the publication's creation time, to the millisecond.
        long value = 0;
        for (char c : first.toCharArray()) {
            value = value * 32 + "234567abcdefghijklmnopqrstuvwxyz".indexOf(c);
        }
        assertThat((value >>> 10) / 1000).isEqualTo(created.toEpochMilli());
    }

    @Test
    void aFirstSendCreatesTheRecordUnderItsKeyAndARetryFindsItInsteadOfPostingAgain() {
        Post post = new Post(UUID.randomUUID().toString(), List.of("We are on it."), java.time.Instant.now());
        String rkey = BlueskyAdapter.recordKey(post, 0);
        pds.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/xrpc/com.atproto.repo.getRecord"))
                .withQueryParam("repo", equalTo("did:plc:brand")).withQueryParam("rkey", equalTo(rkey))
                .withHeader("Authorization", equalTo("Bearer access-1"))
                .inScenario(rkey).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"RecordNotFound\",\"message\":\"Could not locate record\"}")));
        pds.stubFor(post(urlEqualTo(CREATE_RECORD)).withHeader("Authorization", equalTo("Bearer access-1"))
                .withRequestBody(matchingJsonPath("$.rkey", equalTo(rkey)))
                .withRequestBody(matchingJsonPath("$.record.text", equalTo("We are on it.")))
                .inScenario(rkey).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER))
                .willSetStateTo("created"));
        pds.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/xrpc/com.atproto.repo.getRecord"))
                .withQueryParam("rkey", equalTo(rkey)).inScenario(rkey).whenScenarioStateIs("created")
                .willReturn(okJson("{\"uri\":\"at://did:plc:brand/app.bsky.feed.post/" + rkey + "\",\"cid\":\"bafyx\","
                        + "\"value\":{\"$type\":\"app.bsky.feed.post\",\"text\":\"We are on it.\"}}")));
        ChannelAccess channel = channel();

        PlatformException interrupted = failureOf(adapter.publish(channel, post));
        assertThat(interrupted.maybeDelivered()).isTrue();
        Published published = await(adapter.publish(channel, post));

        assertThat(published.externalId()).isEqualTo("at://did:plc:brand/app.bsky.feed.post/" + rkey);
        assertThat(published.url()).isEqualTo("https://bsky.app/profile/brand.bsky.social/post/" + rkey);
        pds.verify(1, postRequestedFor(urlEqualTo(CREATE_RECORD)));
    }

    private static final String CRITIC_POST = "at://did:plc:critic/app.bsky.feed.post/3kcrit";

    private static void criticsPost(String record) {
        pds.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/xrpc/app.bsky.feed.getPosts"))
                .withQueryParam("uris", equalTo(CRITIC_POST))
                .withHeader("Authorization", equalTo("Bearer access-1"))
                .willReturn(okJson("{\"posts\":[{\"uri\":\"" + CRITIC_POST + "\",\"cid\":\"bafyparent\","
                        + "\"author\":{\"did\":\"did:plc:critic\",\"handle\":\"critic.bsky.social\"},"
                        + "\"record\":" + record + ",\"indexedAt\":\"2026-11-24T02:00:00.000Z\"}]}")));
    }

    @Test
    void aReplyNamesTheCriticsPostAsParentAndTheFirstPostOfItsThreadAsRootUnderItsOwnRecordKey() {
        criticsPost("{\"$type\":\"app.bsky.feed.post\",\"text\":\"Still down?\",\"createdAt\":"
                + "\"2026-11-24T01:59:00.000Z\",\"reply\":{\"root\":{\"uri\":\"at://did:plc:other/app.bsky.feed.post/3kroot\","
                + "\"cid\":\"bafyroot\"},\"parent\":{\"uri\":\"at://did:plc:other/app.bsky.feed.post/3kroot\","
                + "\"cid\":\"bafyroot\"}}}");
        Post reply = new Post(UUID.randomUUID().toString(), List.of("We are on it."), java.time.Instant.now(),
                new PlatformAdapter.ReplyTo(CRITIC_POST, "https://bsky.app/profile/critic.bsky.social/post/3kcrit"));
        String rkey = BlueskyAdapter.recordKey(reply, 0);
        pds.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/xrpc/com.atproto.repo.getRecord"))
                .withQueryParam("rkey", equalTo(rkey))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"RecordNotFound\",\"message\":\"Could not locate record\"}")));
        pds.stubFor(post(urlEqualTo(CREATE_RECORD)).withHeader("Authorization", equalTo("Bearer access-1"))
                .withRequestBody(matchingJsonPath("$.rkey", equalTo(rkey)))
                .willReturn(okJson("{\"uri\":\"at://did:plc:brand/app.bsky.feed.post/" + rkey + "\",\"cid\":\"bafyr\"}")));

        Published published = await(adapter.publish(channel(), reply));

        assertThat(published.externalId()).isEqualTo("at://did:plc:brand/app.bsky.feed.post/" + rkey);
        pds.verify(1, postRequestedFor(urlEqualTo(CREATE_RECORD))
                .withRequestBody(matchingJsonPath("$.record.text", equalTo("We are on it.")))
                .withRequestBody(matchingJsonPath("$.record.reply.root.uri",
                        equalTo("at://did:plc:other/app.bsky.feed.post/3kroot")))
                .withRequestBody(matchingJsonPath("$.record.reply.root.cid", equalTo("bafyroot")))
                .withRequestBody(matchingJsonPath("$.record.reply.parent.uri", equalTo(CRITIC_POST)))
                .withRequestBody(matchingJsonPath("$.record.reply.parent.cid", equalTo("bafyparent"))));
    }

    @Test
    void aReplyToAPostThatStartsItsThreadUsesThatPostAsRootAndParent() {
        criticsPost("{\"$type\":\"app.bsky.feed.post\",\"text\":\"Outage again\",\"createdAt\":"
                + "\"2026-11-24T01:59:00.000Z\"}");
        recordsAccepted("access-1");

        await(adapter.publish(channel(), new Post("k", List.of("Sorry, fixing it."), null,
                new PlatformAdapter.ReplyTo(CRITIC_POST, null))));

        pds.verify(1, postRequestedFor(urlEqualTo(CREATE_RECORD))
                .withRequestBody(matchingJsonPath("$.record.reply.root.uri", equalTo(CRITIC_POST)))
                .withRequestBody(matchingJsonPath("$.record.reply.root.cid", equalTo("bafyparent")))
                .withRequestBody(matchingJsonPath("$.record.reply.parent.uri", equalTo(CRITIC_POST))));
    }

    @Test
    void aReplyToADeletedPostIsRejectedWithoutPosting() {
        pds.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/xrpc/app.bsky.feed.getPosts"))
                .willReturn(okJson("{\"posts\":[]}")));
        recordsAccepted("access-1");

        PlatformException failure = failureOf(adapter.publish(channel(), new Post("k", List.of("Sorry."), null,
                new PlatformAdapter.ReplyTo(CRITIC_POST, null))));

        assertThat(failure.kind()).isEqualTo(PlatformException.Kind.REJECTED);
        assertThat(failure.getMessage()).contains(CRITIC_POST, "deleted");
        pds.verify(0, postRequestedFor(urlEqualTo(CREATE_RECORD)));
    }

    private static <T> T await(Uni<T> call) {
        return call.await().atMost(Duration.ofSeconds(20));
    }

    private static PlatformException failureOf(Uni<?> call) {
        return catchThrowableOfType(() -> await(call), PlatformException.class);
    }
}
