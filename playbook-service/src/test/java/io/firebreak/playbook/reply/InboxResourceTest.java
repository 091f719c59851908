package io.firebreak.playbook.reply;

import static io.firebreak.playbook.reply.ReplyFixtures.COLE;
import static io.firebreak.playbook.reply.ReplyFixtures.crisis;
import static io.firebreak.playbook.reply.ReplyFixtures.draft;
import static io.firebreak.playbook.reply.ReplyFixtures.mentionOnly;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.firebreak.playbook.client.Mentions;
import io.firebreak.playbook.client.Mentions.Mention;
import io.firebreak.playbook.review.ReviewFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InboxResourceTest {

    @Test
    void inboxListsTheWatchsMentionsInMonitoringsOrderWithTheAnsweredOnesMarked() {
        UUID watch = UUID.randomUUID();
        String crisisId = crisis(watch);
        Mention newest = ReplyFixtures.known(Mention.on(watch, "mastodon", "jeanne", "fr",
                "L'appli est en panne depuis ce matin !"));
        Mention loud = ReplyFixtures.known(Mention.on(watch, "mastodon", "bob", "en", "Your app is down again?"));
        Mention older = ReplyFixtures.known(Mention.on(watch, "mastodon", "max", "en", "Still waiting for my card"));
        Mentions.stubList(watch, Map.of("page", "0", "size", "20"), List.of(newest, loud, older));
        String reply = draft(COLE, crisisId, mentionOnly(loud));

        given().auth().oauth2(COLE).when().get("/api/crises/" + crisisId + "/inbox")
                .then().statusCode(200)
                .body("mentionId", contains(newest.id().toString(), loud.id().toString(), older.id().toString()))
                .body("answered", contains(false, true, false))
                .body("[1].replyId", equalTo(reply))
                .body("[1].replyStatus", equalTo("DRAFT"))
                .body("[0].replyId", nullValue())
                .body("[1].author", equalTo("bob"))
                .body("[1].source", equalTo("mastodon"))
                .body("[1].sentimentLabel", equalTo("negative"))
                .body("[1].question", equalTo(true))
                .body("[1].reach", equalTo(1200));
    }

    @Test
    void filtersAndPagingArePassedToMonitoring() {
        UUID watch = UUID.randomUUID();
        String crisisId = crisis(watch);
        Mention french = Mention.on(watch, "mastodon", "jeanne", "fr", "Toujours en panne !");
        Mentions.stubList(watch, Map.of("source", "mastodon", "language", "fr", "sentiment", "negative",
                "page", "2", "size", "5"), List.of(french));

        given().auth().oauth2(ReviewFixtures.CAROL)
                .queryParam("platform", "mastodon").queryParam("language", "fr").queryParam("sentiment", "negative")
                .queryParam("page", 2).queryParam("size", 5)
                .when().get("/api/crises/" + crisisId + "/inbox")
                .then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].mentionId", equalTo(french.id().toString()))
                .body("[0].answered", equalTo(false));
    }

    @Test
    void malformedFiltersAreRefusedBeforeMonitoringIsAsked() {
        String crisisId = crisis(UUID.randomUUID());
        given().auth().oauth2(COLE).queryParam("size", 101).when().get("/api/crises/" + crisisId + "/inbox")
                .then().statusCode(400);
        given().auth().oauth2(COLE).queryParam("sentiment", "furious").when().get("/api/crises/" + crisisId + "/inbox")
                .then().statusCode(400);
    }

    @Test
    void aCrisisWithoutAWatchOrNotLiveHasNoInbox() {
        given().auth().oauth2(COLE)
                .when().get("/api/crises/" + ReviewFixtures.activeCrisis(ReviewFixtures.playbook()) + "/inbox")
                .then().statusCode(409)
                .body("type", equalTo("https://firebreak.io/problems/crisis-without-watch"));

        String proposed = given().auth().oauth2(ReviewFixtures.CAROL).contentType(ContentType.JSON)
                .body("{\"title\":\"Bank app down\",\"severity\":\"HIGH\",\"watchId\":\"" + UUID.randomUUID() + "\"}")
                .when().post("/api/crises").then().statusCode(201).extract().path("id");
        given().auth().oauth2(COLE).when().get("/api/crises/" + proposed + "/inbox")
                .then().statusCode(409)
                .body("type", equalTo("https://firebreak.io/problems/crisis-not-active"))
                .body("detail", equalTo("crisis " + proposed + " is PROPOSED: critics are answered while a crisis "
                        + "is ACTIVE or CONTAINED"));
    }

    @Test
    void unreachableMonitoringIsServiceUnavailableNotAnError() {
        UUID watch = UUID.randomUUID();
        String crisisId = crisis(watch);
        Mentions.unreachableFor(watch);
        given().auth().oauth2(COLE).when().get("/api/crises/" + crisisId + "/inbox")
                .then().statusCode(503)
                .body("type", equalTo("https://firebreak.io/problems/monitoring-unavailable"));
    }

    @Test
    void aQuietWatchHasAnEmptyInbox() {
        given().auth().oauth2(COLE).when().get("/api/crises/" + crisis(UUID.randomUUID()) + "/inbox")
                .then().statusCode(200).body("$", empty());
    }

    @Test
    void unknownCrisisIsNotFound() {
        given().auth().oauth2(COLE).when().get("/api/crises/" + UUID.randomUUID() + "/inbox")
                .then().statusCode(404).body("type", equalTo("https://firebreak.io/problems/not-found"));
        given().auth().oauth2(COLE).when().get("/api/crises/" + UUID.randomUUID() + "/replies")
                .then().statusCode(404).body("errors", nullValue());
    }

    @Test
    void theInboxLooksBackFromBeforeTheCrisisWasDetected() {
        UUID watch = UUID.randomUUID();
        String crisisId = crisis(watch);
        String createdAt = given().auth().oauth2(COLE).when().get("/api/crises/" + crisisId)
                .then().statusCode(200).extract().path("createdAt");
        String since = java.time.Instant.parse(createdAt).minus(java.time.Duration.ofHours(24)).toString();
        Mention early = Mention.on(watch, "mastodon", "early", "en", "Is the app down?");
        Mentions.stubList(watch, Map.of("since", since), List.of(early));
        given().auth().oauth2(COLE).when().get("/api/crises/" + crisisId + "/inbox")
                .then().statusCode(200).body("mentionId", hasItem(early.id().toString()));
    }
}
