package io.firebreak.playbook.reply;

import static io.firebreak.playbook.reply.ReplyFixtures.ABE;
import static io.firebreak.playbook.reply.ReplyFixtures.COLE;
import static io.firebreak.playbook.reply.ReplyFixtures.angryFrench;
import static io.firebreak.playbook.reply.ReplyFixtures.crisis;
import static io.firebreak.playbook.reply.ReplyFixtures.draft;
import static io.firebreak.playbook.reply.ReplyFixtures.mentionOnly;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.firebreak.devstack.testing.InfrastructureTestResource;
import io.firebreak.devstack.testing.TopicProbe;
import io.firebreak.events.CloudEvent;
import io.firebreak.events.EventJson;
import io.firebreak.events.EventSchemas;
import io.firebreak.events.EventTypes;
import io.firebreak.events.PublicationChanged;
import io.firebreak.events.Topics;
import io.firebreak.playbook.client.Mentions;
import io.firebreak.playbook.client.Mentions.Mention;
import io.firebreak.playbook.client.PublishingStub;
import io.firebreak.playbook.review.ReviewFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** publishing-service's reports on replies, and what the timeline and the review make of them. */
@QuarkusTest
class ReplyFollowThroughTest {

    private static String sentByPolicy(String crisisId, Mention mention) {
        String id = draft(COLE, crisisId, mentionOnly(mention));
        given().auth().oauth2(COLE).when().post("/api/replies/" + id + "/send").then().statusCode(200);
        return id;
    }

    /** publishing-service's report on the reply, delivered twice (Kafka delivers at least once). */
    private static void report(String replyId, String crisisId, String state, String url, String error, Instant at)
            throws Exception {
        UUID publicationId = UUID.randomUUID();
        var publication = new PublicationChanged(publicationId, UUID.fromString(replyId), UUID.fromString(crisisId),
                UUID.fromString(PublishingStub.MASTODON), "MASTODON", state, url == null ? null : "110000000000000042",
                url, error, at, at);
        var event = CloudEvent.of("/publishing-service", EventTypes.PUBLICATION_PREFIX + state.toLowerCase(Locale.ROOT),
                publicationId.toString(), publication);
        String json = EventJson.newMapper().writeValueAsString(event);
        assertThat(EventSchemas.violations(Topics.PUBLICATIONS, json)).isEmpty();
        TopicProbe.send(InfrastructureTestResource.kafkaBootstrapServers(), Topics.PUBLICATIONS, event.subject(), json);
        TopicProbe.send(InfrastructureTestResource.kafkaBootstrapServers(), Topics.PUBLICATIONS, event.subject(), json);
    }

    private static JsonPath reply(String id) {
        return given().auth().oauth2(COLE).when().get("/api/replies/" + id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aPublishedReportMarksTheReplyPublishedInTheCriticsThread() throws Exception {
        UUID watch = UUID.randomUUID();
        String crisisId = crisis(watch);
        String id = sentByPolicy(crisisId, angryFrench(watch));

        report(id, crisisId, "PUBLISHED", "https://mastodon.example/@bank/110000000000000042", null, Instant.now());

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> reply(id).getString("status").equals("PUBLISHED"));
        JsonPath published = reply(id);
        assertThat(published.getString("publicationUrl")).isEqualTo("https://mastodon.example/@bank/110000000000000042");
        assertThat(published.getString("publicationExternalId")).isEqualTo("110000000000000042");
        assertThat(published.getString("publishedAt")).isNotNull();
        given().auth().oauth2(ReviewFixtures.CAROL).when().get("/api/crises/" + crisisId + "/timeline")
                .then().statusCode(200)
                .body("entries.kind", hasItems("reply", "publication"))
                .body("entries.summary", hasItems(
                        "reply to jeanne on mastodon (OUTAGE, fr) drafted from template outage-fr",
                        "reply to jeanne on mastodon (OUTAGE, fr) sent, approved by the playbook's policy "
                                + "(template after the tone check)",
                        "reply to jeanne on mastodon (OUTAGE, fr) published: "
                                + "https://mastodon.example/@bank/110000000000000042"));
    }

    @Test
    void aFailedReportShowsTheReasonOnTheReplyAndTheTimeline() throws Exception {
        UUID watch = UUID.randomUUID();
        String crisisId = crisis(watch);
        String id = ReplyFixtures.pending(crisisId, angryFrench(watch));
        given().auth().oauth2(ABE).when().post("/api/replies/" + id + "/approve").then().statusCode(200);

        report(id, crisisId, "FAILED", null, "the post was deleted by its author", Instant.now());

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> reply(id).getString("status").equals("FAILED"));
        assertThat(reply(id).getString("publicationError")).isEqualTo("the post was deleted by its author");
        given().auth().oauth2(ReviewFixtures.CAROL).when().get("/api/crises/" + crisisId + "/timeline")
                .then().statusCode(200)
                .body("entries.summary", hasItems("reply to jeanne on mastodon (OUTAGE, fr) sent for approval",
                        "reply to jeanne on mastodon (OUTAGE, fr) approved",
                        "reply to jeanne on mastodon (OUTAGE, fr) failed: the post was deleted by its author"));
    }

    @Test
    void theReviewCountsAnsweredCriticsTheirAnswerTimeAndWhatTheyPostedAfterwards() throws Exception {
        UUID watch = UUID.randomUUID();
        String crisisId = crisis(watch);
        Mention critic = angryFrench(watch);
        String id = sentByPolicy(crisisId, critic);
        Instant publishedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        report(id, crisisId, "PUBLISHED", "https://mastodon.example/@bank/1", null, publishedAt);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> reply(id).getString("status").equals("PUBLISHED"));

        Mention thanks = new Mention(UUID.randomUUID(), "mastodon", "991", "jeanne", "Merci pour la réponse rapide",
                "https://mastodon.example/@jeanne/991", "fr", publishedAt.plusSeconds(300), "positive", watch);
        Mention stillAngry = new Mention(UUID.randomUUID(), "mastodon", "992", "jeanne", "Toujours en panne...",
                "https://mastodon.example/@jeanne/992", "fr", publishedAt.plusSeconds(900), "negative", watch);
        Mentions.stubList(watch, Map.of("since", publishedAt.toString(), "source", "mastodon", "author", "jeanne"),
                List.of(stillAngry, thanks));

        ReviewFixtures.post(ReviewFixtures.CAROL, "/api/crises/" + crisisId + "/no-apology",
                "{\"reason\":\"supplier fault, explained\"}", 200);
        ReviewFixtures.post(ReviewFixtures.CAROL, "/api/crises/" + crisisId + "/resolve", "{\"reason\":\"restored\"}",
                200);

        JsonPath review = given().auth().oauth2(ReviewFixtures.CAROL).when().get("/api/crises/" + crisisId + "/review")
                .then().statusCode(200)
                .body("timeline.kind", hasItem("reply"))
                .extract().jsonPath();
        assertThat(review.getInt("replies.drafted")).isEqualTo(1);
        assertThat(review.getInt("replies.published")).isEqualTo(1);
        assertThat(review.getInt("replies.criticsAnswered")).isEqualTo(1);
        // Durations are written in seconds, as the review's key times are.
        Duration expected = Duration.between(critic.publishedAt().truncatedTo(ChronoUnit.MILLIS), publishedAt);
        assertThat(review.getDouble("replies.medianAnswerTime")).isCloseTo(expected.toMillis() / 1000.0,
                within(0.01));
        assertThat(review.getString("replies.followUps[0].critic")).isEqualTo("jeanne");
        assertThat(review.getInt("replies.followUps[0].posts")).isEqualTo(2);
        assertThat(review.getInt("replies.followUps[0].negative")).isEqualTo(1);
        assertThat(review.getInt("replies.followUps[0].positive")).isEqualTo(1);
        assertThat(review.getString("replies.followUpsUnavailable")).isNull();
    }
}
