package io.firebreak.publishing.publication;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.firebreak.publishing.Fixtures.approved;
import static io.firebreak.publishing.Fixtures.awaitPublications;
import static io.firebreak.publishing.Fixtures.publication;
import static io.firebreak.publishing.Fixtures.publications;
import static io.firebreak.publishing.Fixtures.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.firebreak.devstack.testing.InfrastructureTestResource;
import io.firebreak.devstack.testing.TestTokens;
import io.firebreak.devstack.testing.TopicProbe;
import io.firebreak.events.CloudEvent;
import io.firebreak.events.EventTypes;
import io.firebreak.events.StatementChanged;
import io.firebreak.events.Topics;
import io.firebreak.publishing.OnVertx;
import io.firebreak.publishing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dispatcher driven by hand with a controlled clock, against an emulated Mastodon instance. */
@QuarkusTest
class PublicationDispatcherTest {

    private static WireMockServer mastodon;

    @Inject
    PublicationDispatcher dispatcher;
    @Inject
    PublicationService service;
    @Inject
    TestClock clock;
    @Inject
    Vertx vertx;

    @BeforeAll
    static void start() {
        mastodon = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        mastodon.start();
    }

    @AfterAll
    static void stop() {
        mastodon.stop();
    }

    /** A channel with its own token, so that each test counts only its own posts. */
    private static String channelAnswering(String token, ResponseDefinitionBuilder answer) {
        mastodon.stubFor(post(urlEqualTo("/api/v1/statuses"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .withHeader("Idempotency-Key", matching(".+"))
                .willReturn(answer));
        return io.firebreak.publishing.Fixtures.mastodonChannel(mastodon.baseUrl(), token);
    }

    private static List<LoggedRequest> postsWith(String token) {
        return mastodon.findAll(postRequestedFor(urlEqualTo("/api/v1/statuses"))
                .withHeader("Authorization", equalTo("Bearer " + token)));
    }

    private static ResponseDefinitionBuilder created(String id) {
        return okJson("{\"id\":\"" + id + "\",\"url\":\"https://mastodon.example/@brand/" + id + "\"}");
    }

    private String statementOn(String channelId, boolean drill) {
        var event = approved(UUID.randomUUID(), UUID.randomUUID(), "We are aware of the outage.",
                List.of(channelId), Instant.now().minusSeconds(1), drill);
        send(Topics.STATEMENTS, event);
        return awaitPublications(channelId, 1).get(0);
    }

    private void dispatch(String replica) {
        dispatcher.dispatchOnce(replica).await().atMost(Duration.ofSeconds(30));
    }

    @Test
    void anApprovedStatementIsPublishedOnceWithItsUrlAndAnnounced() {
        String token = "tok-" + UUID.randomUUID();
        String channel = channelAnswering(token, created("4242"));
        CloudEvent<StatementChanged> event = approved(UUID.randomUUID(), UUID.randomUUID(), "We are on it.",
                List.of(channel), Instant.now().minusSeconds(1), false);
        try (TopicProbe probe = TopicProbe.watch(InfrastructureTestResource.kafkaBootstrapServers(), Topics.PUBLICATIONS)) {
            send(Topics.STATEMENTS, event);
            send(Topics.STATEMENTS, event); // redelivered
            String id = awaitPublications(channel, 1).get(0);
            probe.awaitEvent(e -> e.path("data").path("publicationId").asText().equals(id)
                    && e.path("type").asText().equals(EventTypes.PUBLICATION_PREFIX + "scheduled"), Duration.ofSeconds(30));

            dispatch("replica-a");
            dispatch("replica-a");

            JsonNode published = probe.awaitEvent(e -> e.path("data").path("publicationId").asText().equals(id)
                    && e.path("data").path("state").asText().equals("PUBLISHED"), Duration.ofSeconds(30));
            assertThat(published.path("_key").asText()).isEqualTo(id);
            assertThat(published.path("data").path("url").asText()).isEqualTo("https://mastodon.example/@brand/4242");
            assertThat(published.path("data").path("statementId").asText())
                    .isEqualTo(event.data().statementId().toString());
            assertThat(publication(id).getString("externalId")).isEqualTo("4242");
            assertThat(publication(id).getList("history.to")).containsExactly("SCHEDULED", "PUBLISHING", "PUBLISHED");
        }
        assertThat(publications("channelId=" + channel).getList("id")).hasSize(1);
        List<LoggedRequest> posts = postsWith(token);
        assertThat(posts).hasSize(1);
        assertThat(posts.get(0).getBodyAsString()).contains("We are on it.");
    }

    @Test
    void twoReplicasRacingForTheSameDuePublicationsNeverPostOneTwice() throws Exception {
        String token = "race-" + UUID.randomUUID();
        String channel = channelAnswering(token, created("1"));
        int count = 30;
        for (int i = 0; i < count; i++) {
            send(Topics.STATEMENTS, approved(UUID.randomUUID(), UUID.randomUUID(), "Update " + i, List.of(channel),
                    Instant.now().minusSeconds(1), false));
        }
        List<String> ids = awaitPublications(channel, count);

        for (int round = 0; round < 10 && !publications("channelId=" + channel + "&state=SCHEDULED")
                .getList("id").isEmpty(); round++) {
            CompletableFuture<Integer> a = dispatcher.dispatchOnce("replica-a").subscribeAsCompletionStage();
            CompletableFuture<Integer> b = dispatcher.dispatchOnce("replica-b").subscribeAsCompletionStage();
            CompletableFuture.allOf(a, b).get(60, java.util.concurrent.TimeUnit.SECONDS);
        }

        assertThat(publications("channelId=" + channel + "&state=PUBLISHED").getList("id"))
                .containsExactlyInAnyOrderElementsOf(ids);
        List<LoggedRequest> posts = postsWith(token);
        Set<String> keys = posts.stream().map(request -> request.getHeader("Idempotency-Key")).collect(Collectors.toSet());
        assertThat(posts).hasSize(count);
        assertThat(keys).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void aCrashedReplicasClaimExpiresAndAnotherSendsItOnceWithTheSameKey() {
        String token = "crash-" + UUID.randomUUID();
        String channel = channelAnswering(token, created("77"));
        String id = statementOn(channel, false);

        // Replica "crashed" claims and dies before calling the platform.
        List<Claim> claims = OnVertx.await(vertx, () -> service.claimDue("crashed", 500, Duration.ZERO).map(Due::claims));
        assertThat(claims).extracting(Claim::publicationId).contains(UUID.fromString(id));
        assertThat(publication(id).getString("state")).isEqualTo("PUBLISHING");

        dispatch("replica-b");
        assertThat(publication(id).getString("state")).isEqualTo("PUBLISHING");
        assertThat(postsWith(token)).isEmpty();

        clock.advance(Duration.ofSeconds(61));
        dispatch("replica-b");

        assertThat(publication(id).getString("state")).isEqualTo("PUBLISHED");
        assertThat(publication(id).getList("history.actor")).contains("crashed", "replica-b");
        assertThat(postsWith(token)).singleElement()
                .satisfies(request -> assertThat(request.getHeader("Idempotency-Key")).isEqualTo(id));
    }

    @Test
    void anExpiredClaimOnAPlatformWithoutIdempotencyKeysBecomesUnknownInsteadOfBeingResent() {
        String hook = "/services/" + UUID.randomUUID();
        mastodon.stubFor(post(urlEqualTo(hook)).willReturn(aResponse().withStatus(200).withBody("ok")));
        String channel = given().auth().oauth2(TestTokens.of("ada", "admin"))
                .contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("name", "Slack", "platform", "SLACK_WEBHOOK",
                        "credentials", java.util.Map.of("webhookUrl", mastodon.baseUrl() + hook)))
                .when().post("/api/channels").then().statusCode(201).extract().path("id");
        String id = statementOn(channel, false);
        OnVertx.await(vertx, () -> service.claimDue("crashed", 500, Duration.ZERO).map(Due::claims));

        clock.advance(Duration.ofSeconds(61));
        dispatch("replica-b");

        var unknown = publication(id);
        assertThat(unknown.getString("state")).isEqualTo("UNKNOWN");
        assertThat(unknown.getString("lastError")).contains("look the post up");
        assertThat(mastodon.findAll(postRequestedFor(urlEqualTo(hook)))).isEmpty();
    }

    @Test
    void aRateLimitedPostWaitsForRetryAfterAndThenGoesOutOnce() {
        String token = "rate-" + UUID.randomUUID();
        mastodon.stubFor(post(urlEqualTo("/api/v1/statuses")).withHeader("Authorization", equalTo("Bearer " + token))
                .inScenario(token).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")
                        .withBody("{\"error\":\"Too many requests\"}"))
                .willSetStateTo("recovered"));
        mastodon.stubFor(post(urlEqualTo("/api/v1/statuses")).withHeader("Authorization", equalTo("Bearer " + token))
                .inScenario(token).whenScenarioStateIs("recovered").willReturn(created("88")));
        String channel = io.firebreak.publishing.Fixtures.mastodonChannel(mastodon.baseUrl(), token);
        String id = statementOn(channel, false);

        dispatch("replica-a");
        var retrying = publication(id);
        assertThat(retrying.getString("state")).isEqualTo("RETRYING");
        assertThat(retrying.getString("lastError")).contains("429");
        assertThat(Duration.between(Instant.parse(retrying.getString("updatedAt")),
                Instant.parse(retrying.getString("dueAt")))).isEqualTo(Duration.ofSeconds(120));

        clock.advance(Duration.ofSeconds(60));
        dispatch("replica-a");
        assertThat(postsWith(token)).hasSize(1);

        clock.advance(Duration.ofSeconds(61));
        dispatch("replica-a");
        assertThat(publication(id).getString("state")).isEqualTo("PUBLISHED");
        assertThat(postsWith(token)).hasSize(2);
        assertThat(postsWith(token)).extracting(request -> request.getHeader("Idempotency-Key")).containsOnly(id);
    }

    @Test
    void aServerErrorIsRetriedAndNeverBreaksTheChannel() {
        String token = "down-" + UUID.randomUUID();
        String channel = channelAnswering(token, aResponse().withStatus(503));
        String id = statementOn(channel, false);

        dispatch("replica-a");

        assertThat(publication(id).getString("state")).isEqualTo("RETRYING");
        channelIs(channel, "ACTIVE");
    }

    @Test
    void aPlatformDownForTenMinutesGetsThePostOnceItIsBackWithTheDefaultRetrySettings() {
        String token = "outage-" + UUID.randomUUID();
        mastodon.stubFor(post(urlEqualTo("/api/v1/statuses")).withHeader("Authorization", equalTo("Bearer " + token))
                .inScenario(token).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("<html>502 Bad Gateway</html>")));
        mastodon.stubFor(post(urlEqualTo("/api/v1/statuses")).withHeader("Authorization", equalTo("Bearer " + token))
                .inScenario(token).whenScenarioStateIs("back").willReturn(created("99")));
        String channel = io.firebreak.publishing.Fixtures.mastodonChannel(mastodon.baseUrl(), token);
        String id = statementOn(channel, false);

        // Each retry is made when it falls due, as the scheduler would, for ten minutes of outage.
        Duration down = Duration.ZERO;
        dispatchUntilAttempted(id);
        while (down.compareTo(Duration.ofMinutes(10)) < 0) {
            var retrying = publication(id);
            assertThat(retrying.getString("state")).isEqualTo("RETRYING");
            Duration wait = Duration.between(clock.instant(), Instant.parse(retrying.getString("dueAt"))).plusMillis(10);
            clock.advance(wait);
            down = down.plus(wait);
            dispatchUntilAttempted(id);
        }
        mastodon.setScenarioState(token, "back");
        var stillRetrying = publication(id);
        assertThat(stillRetrying.getString("state")).isEqualTo("RETRYING");
        clock.advance(Duration.between(clock.instant(), Instant.parse(stillRetrying.getString("dueAt"))).plusMillis(10));
        dispatchUntilAttempted(id);

        var published = publication(id);
        assertThat(published.getString("state")).isEqualTo("PUBLISHED");
        assertThat(published.getString("externalId")).isEqualTo("99");
        assertThat(published.getInt("attempts")).isLessThanOrEqualTo(10);
        assertThat(postsWith(token)).extracting(request -> request.getHeader("Idempotency-Key")).containsOnly(id);
        assertThat(publications("channelId=" + channel + "&state=PUBLISHED").getList("id")).containsExactly(id);
    }

    @Test
    void refusedCredentialsFailThePublicationAndBreakTheChannel() {
        String token = "revoked-" + UUID.randomUUID();
        String channel = channelAnswering(token, aResponse().withStatus(401)
                .withBody("{\"error\":\"The access token was revoked\"}"));
        String id = statementOn(channel, false);

        dispatch("replica-a");

        var failed = publication(id);
        assertThat(failed.getString("state")).isEqualTo("FAILED");
        assertThat(failed.getString("lastError")).contains("The access token was revoked");
        channelIs(channel, "BROKEN");
    }

    @Test
    void aDrillIsPublishedToTheSandboxAndNeverReachesThePlatform() {
        String token = "drill-" + UUID.randomUUID();
        String channel = channelAnswering(token, created("1"));
        String id = statementOn(channel, true);

        dispatch("replica-a");

        var published = publication(id);
        assertThat(published.getString("state")).isEqualTo("PUBLISHED");
        assertThat(published.getBoolean("drill")).isTrue();
        assertThat(published.getString("url")).startsWith("sandbox://");
        assertThat(postsWith(token)).isEmpty();
    }

    @Test
    void aWithdrawnStatementCancelsWhatHasNotGoneOut() {
        String channel = channelAnswering("withdrawn-" + UUID.randomUUID(), created("1"));
        var event = approved(UUID.randomUUID(), UUID.randomUUID(), "Soon.", List.of(channel),
                Instant.now().plusSeconds(3600), false);
        send(Topics.STATEMENTS, event);
        String id = awaitPublications(channel, 1).get(0);

        send(Topics.STATEMENTS, CloudEvent.of("/playbook-service", EventTypes.STATEMENT_WITHDRAWN,
                event.subject(), event.data()));

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> publication(id).getString("state").equals("CANCELLED"));
        assertThat(publication(id).getString("updatedBy")).isEqualTo("playbook-service");
    }

    @Test
    void aStatementTooLongForAChannelWithoutThreadsFailsWithTheOverflow() {
        String token = "long-" + UUID.randomUUID();
        String channel = channelAnswering(token, created("1"));
        var statement = new StatementChanged(UUID.randomUUID(), UUID.randomUUID(), "HOLDING", "en", "x".repeat(501),
                List.of(UUID.fromString(channel)), Instant.now(), false, false, "april", Instant.now());
        send(Topics.STATEMENTS, CloudEvent.of("/playbook-service", EventTypes.STATEMENT_APPROVED,
                statement.crisisId().toString(), statement));
        String id = awaitPublications(channel, 1).get(0);

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> publication(id).getString("state").equals("FAILED"));
        assertThat(publication(id).getString("lastError")).contains("501", "500", "1 over");
        assertThat(postsWith(token)).isEmpty();
    }

    @Test
    void aPublicationFallingDueWithinTheLookaheadIsSentAtItsDueTimeAndNotBefore() {
        String token = "ahead-" + UUID.randomUUID();
        String channel = channelAnswering(token, created("501"));
        Instant due = clock.instant().plusSeconds(5);
        // Where the service clock runs ahead of real time (other tests advanced it), the due time in real time.
        Instant realDue = due.minus(Duration.between(Instant.now(), clock.instant())).truncatedTo(ChronoUnit.MILLIS);
        send(Topics.STATEMENTS, approved(UUID.randomUUID(), UUID.randomUUID(), "Soon on time.", List.of(channel),
                due, false));
        String id = awaitPublications(channel, 1).get(0);

        PublicationDispatcher.Pass pass = reservingPassTaking(id);
        pass.later().await().atMost(Duration.ofSeconds(30));

        var published = publication(id);
        assertThat(published.getString("state")).isEqualTo("PUBLISHED");
        assertThat(Instant.parse(published.getString("history[1].at"))).isAfterOrEqualTo(
                Instant.parse(published.getString("scheduledAt")));
        assertThat(postsWith(token)).singleElement().satisfies(request ->
                assertThat(request.getLoggedDate().toInstant()).isAfterOrEqualTo(realDue));
    }

    @Test
    void aPublicationCancelledAfterItWasReservedButBeforeItsDueTimeIsNotSent() {
        String token = "cancelled-" + UUID.randomUUID();
        String channel = channelAnswering(token, created("502"));
        send(Topics.STATEMENTS, approved(UUID.randomUUID(), UUID.randomUUID(), "Never mind.", List.of(channel),
                clock.instant().plusSeconds(5), false));
        String id = awaitPublications(channel, 1).get(0);

        PublicationDispatcher.Pass pass = reservingPassTaking(id);
        given().auth().oauth2(TestTokens.of("cole", "communicator")).contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("reason", "situation changed"))
                .when().post("/api/publications/" + id + "/cancel")
                .then().statusCode(200).body("state", org.hamcrest.Matchers.equalTo("CANCELLED"));
        pass.later().await().atMost(Duration.ofSeconds(30));

        assertThat(publication(id).getString("state")).isEqualTo("CANCELLED");
        assertThat(publication(id).getList("history.to")).containsExactly("SCHEDULED", "CANCELLED");
        assertThat(postsWith(token)).isEmpty();
    }

    @Test
    void aPublicationHeldAfterItWasReservedButBeforeItsDueTimeIsNotSent() {
        String token = "held-" + UUID.randomUUID();
        String channel = channelAnswering(token, created("503"));
        send(Topics.STATEMENTS, approved(UUID.randomUUID(), UUID.randomUUID(), "Wait for it.", List.of(channel),
                clock.instant().plusSeconds(5), false));
        String id = awaitPublications(channel, 1).get(0);

        PublicationDispatcher.Pass pass = reservingPassTaking(id);
        given().auth().oauth2(TestTokens.of("carol", "crisis-manager")).contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("reason", "facts changed"))
                .when().post("/api/publications/hold-all").then().statusCode(200);
        pass.later().await().atMost(Duration.ofSeconds(30));

        assertThat(publication(id).getString("state")).isEqualTo("HELD");
        assertThat(postsWith(token)).isEmpty();
    }

    /** Passes with a 10 s lookahead until one reserved {@code id}; the sends due now are done, the reserved wait. */
    private PublicationDispatcher.Pass reservingPassTaking(String id) {
        for (int attempt = 0; attempt < 10; attempt++) {
            PublicationDispatcher.Pass pass = dispatcher.pass("replica-a", Duration.ofSeconds(10))
                    .await().atMost(Duration.ofSeconds(30));
            pass.now().await().atMost(Duration.ofSeconds(30));
            if (pass.reserved().contains(UUID.fromString(id))) {
                assertThat(publication(id).getString("state")).isEqualTo("SCHEDULED");
                return pass;
            }
            pass.later().await().atMost(Duration.ofSeconds(30));
        }
        throw new AssertionError("no pass reserved publication " + id);
    }

    /** Passes until {@code id} had its attempt: rows of other tests that fell due earlier go first. */
    private void dispatchUntilAttempted(String id) {
        int before = publication(id).getInt("attempts");
        for (int pass = 0; pass < 20 && publication(id).getInt("attempts") == before; pass++) {
            dispatch("replica-a");
        }
    }

    private static void channelIs(String channelId, String status) {
        given().auth().oauth2(TestTokens.of("ada", "admin")).when().get("/api/channels/" + channelId)
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo(status));
    }
}
