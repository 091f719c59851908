package io.firebreak.publishing.publication;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.firebreak.publishing.Fixtures.awaitPublications;
import static io.firebreak.publishing.Fixtures.publication;
import static io.firebreak.publishing.Fixtures.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.firebreak.devstack.testing.InfrastructureTestResource;
import io.firebreak.devstack.testing.TestTokens;
import io.firebreak.devstack.testing.TopicProbe;
import io.firebreak.events.CloudEvent;
import io.firebreak.events.CrisisStatus;
import io.firebreak.events.EventTypes;
import io.firebreak.events.StatementChanged;
import io.firebreak.events.StatementChanged.ReplyTarget;
import io.firebreak.events.Topics;
import io.firebreak.publishing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Replies to critics, from playbook-service's event to the post in the critic's thread. */
@QuarkusTest
class ReplyPublicationTest {

    private static WireMockServer mastodon;

    @Inject
    PublicationDispatcher dispatcher;

    @BeforeAll
    static void start() {
        mastodon = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        mastodon.start();
    }

    @AfterAll
    static void stop() {
        mastodon.stop();
    }

    private static String mastodonChannel(String token) {
        mastodon.stubFor(post(urlEqualTo("/api/v1/statuses")).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson("{\"id\":\"2001\",\"url\":\"https://mastodon.example/@brand/2001\"}")));
        return Fixtures.mastodonChannel(mastodon.baseUrl(), token);
    }

    private static CloudEvent<StatementChanged> reply(UUID crisisId, String text, String channelId, ReplyTarget target,
                                                      boolean drill) {
        var statement = new StatementChanged(UUID.randomUUID(), crisisId, StatementChanged.REPLY_PHASE, "en", text,
                List.of(UUID.fromString(channelId)), Instant.now().minusSeconds(1), true, drill, "april",
                Instant.now(), target);
        return CloudEvent.of("/playbook-service", EventTypes.STATEMENT_APPROVED, crisisId.toString(), statement);
    }

    private JsonPath dispatchUntilSettled(String id) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            dispatcher.dispatchOnce("replica-a").await().atMost(Duration.ofSeconds(30));
            return publication(id);
        }, view -> !List.of("SCHEDULED", "RETRYING", "PUBLISHING").contains(view.getString("state")));
    }

    private static JsonPath awaitState(String id, String state) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> publication(id),
                view -> state.equals(view.getString("state")));
    }

    @Test
    void anApprovedReplyGoesOutInTheCriticsThreadAndShowsWhatItAnswered() {
        String token = "reply-" + UUID.randomUUID();
        String channel = mastodonChannel(token);
        ReplyTarget target = new ReplyTarget("mastodon", "1100", mastodon.baseUrl() + "/@critic/1100",
                "@critic@mastodon.example");
        var event = reply(UUID.randomUUID(), "Thank you, a fix is on its way.", channel, target, false);
        try (TopicProbe probe = TopicProbe.watch(InfrastructureTestResource.kafkaBootstrapServers(), Topics.PUBLICATIONS)) {
            send(Topics.STATEMENTS, event);
            String id = awaitPublications(channel, 1).get(0);
            JsonPath scheduled = publication(id);
            assertThat(scheduled.getMap("replyTo")).isEqualTo(Map.of("platform", "mastodon", "postId", "1100",
                    "postUrl", mastodon.baseUrl() + "/@critic/1100", "author", "@critic@mastodon.example"));
            assertThat(scheduled.getString("statementId")).isEqualTo(event.data().statementId().toString());

            assertThat(dispatchUntilSettled(id).getString("state")).isEqualTo("PUBLISHED");

            JsonNode published = probe.awaitEvent(e -> e.path("data").path("publicationId").asText().equals(id)
                    && e.path("data").path("state").asText().equals("PUBLISHED"), Duration.ofSeconds(30));
            assertThat(published.path("data").path("statementId").asText())
                    .isEqualTo(event.data().statementId().toString());
        }
        mastodon.verify(1, postRequestedFor(urlEqualTo("/api/v1/statuses"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .withRequestBody(matchingJsonPath("$.in_reply_to_id", equalTo("1100")))
                .withRequestBody(matchingJsonPath("$.status", equalTo("Thank you, a fix is on its way."))));
    }

    @Test
    void aReplyOnAChannelOfAnotherPlatformFailsWithTheMismatchAndIsAnnounced() {
        String token = "mismatch-" + UUID.randomUUID();
        String channel = mastodonChannel(token);
        var event = reply(UUID.randomUUID(), "Sorry about that.", channel,
                new ReplyTarget("bluesky", "at://did:plc:critic/app.bsky.feed.post/3k", null, "critic.bsky.social"), false);
        try (TopicProbe probe = TopicProbe.watch(InfrastructureTestResource.kafkaBootstrapServers(), Topics.PUBLICATIONS)) {
            send(Topics.STATEMENTS, event);
            String id = awaitPublications(channel, 1).get(0);

            JsonPath failed = awaitState(id, "FAILED");
            assertThat(failed.getString("lastError")).startsWith("reply-platform-mismatch: ").contains("bluesky");
            assertThat(failed.getString("replyTo.platform")).isEqualTo("bluesky");
            probe.awaitEvent(e -> e.path("data").path("publicationId").asText().equals(id)
                    && e.path("data").path("state").asText().equals("FAILED"), Duration.ofSeconds(30));
        }
        mastodon.verify(0, postRequestedFor(urlEqualTo("/api/v1/statuses"))
                .withHeader("Authorization", equalTo("Bearer " + token)));
    }

    @Test
    void aReplyOnAChannelThatCannotReplyFails() {
        String slack = given().auth().oauth2(TestTokens.of("ada", "admin")).contentType(ContentType.JSON)
                .body(Map.of("name", "Slack", "platform", "SLACK_WEBHOOK",
                        "credentials", Map.of("webhookUrl", mastodon.baseUrl() + "/services/" + UUID.randomUUID())))
                .when().post("/api/channels").then().statusCode(201).extract().<String>path("id");
        send(Topics.STATEMENTS, reply(UUID.randomUUID(), "Sorry.", slack,
                new ReplyTarget("mastodon", "1100", null, null), false));
        String id = awaitPublications(slack, 1).get(0);

        assertThat(awaitState(id, "FAILED").getString("lastError")).startsWith("replies-not-supported: ")
                .contains("SLACK_WEBHOOK");
    }

    @Test
    void aReplyTooLongIsNeverSplitIntoAThreadButFailedWithTheOverflow() {
        String token = "long-reply-" + UUID.randomUUID();
        String channel = mastodonChannel(token);
        send(Topics.STATEMENTS, reply(UUID.randomUUID(), "x".repeat(501), channel,
                new ReplyTarget("mastodon", "1100", null, null), false));
        String id = awaitPublications(channel, 1).get(0);

        assertThat(awaitState(id, "FAILED").getString("lastError")).contains("501", "500", "1 over");
        mastodon.verify(0, postRequestedFor(urlEqualTo("/api/v1/statuses"))
                .withHeader("Authorization", equalTo("Bearer " + token)));
    }

    @Test
    void aDrillReplyOnASandboxChannelIsPublishedThere() {
        String sandbox = Fixtures.sandboxChannel();
        send(Topics.STATEMENTS, reply(UUID.randomUUID(), "Drill: we hear you.", sandbox,
                new ReplyTarget("bluesky", "at://did:plc:critic/app.bsky.feed.post/3k", null, null), true));
        String id = awaitPublications(sandbox, 1).get(0);

        JsonPath published = dispatchUntilSettled(id);
        assertThat(published.getString("state")).isEqualTo("PUBLISHED");
        assertThat(published.getString("url")).startsWith("sandbox://");
    }

    @Test
    void aLiveCrisisNeverHoldsItsReplies() {
        UUID crisisId = UUID.randomUUID();
        Fixtures.sendCrisis(crisisId, CrisisStatus.ACTIVE, false);
        try {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given()
                    .auth().oauth2(TestTokens.of("cole", "communicator"))
                    .when().get("/api/publications/crises/" + crisisId).then().extract().statusCode() == 200);
            String token = "crisis-reply-" + UUID.randomUUID();
            String channel = mastodonChannel(token);
            send(Topics.STATEMENTS, reply(crisisId, "We are sorry, here is what happened.", channel,
                    new ReplyTarget("mastodon", "1100", null, null), false));
            String id = awaitPublications(channel, 1).get(0);

            assertThat(dispatchUntilSettled(id).getString("state")).isEqualTo("PUBLISHED");
        } finally {
            Fixtures.sendCrisis(crisisId, CrisisStatus.RESOLVED, false);
        }
    }
}
