package io.firebreak.playbook.reply;

import static io.firebreak.playbook.reply.ReplyFixtures.ABE;
import static io.firebreak.playbook.reply.ReplyFixtures.COLE;
import static io.firebreak.playbook.reply.ReplyFixtures.COURTEOUS;
import static io.firebreak.playbook.reply.ReplyFixtures.RUDE;
import static io.firebreak.playbook.reply.ReplyFixtures.angryFrench;
import static io.firebreak.playbook.reply.ReplyFixtures.crisis;
import static io.firebreak.playbook.reply.ReplyFixtures.draft;
import static io.firebreak.playbook.reply.ReplyFixtures.known;
import static io.firebreak.playbook.reply.ReplyFixtures.mentionOnly;
import static io.firebreak.playbook.reply.ReplyFixtures.withText;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.firebreak.devstack.testing.InfrastructureTestResource;
import io.firebreak.devstack.testing.TestTokens;
import io.firebreak.devstack.testing.TopicProbe;
import io.firebreak.events.Topics;
import io.firebreak.playbook.client.Mentions.Mention;
import io.firebreak.playbook.client.MonitoringStub;
import io.firebreak.playbook.client.PublishingStub;
import io.firebreak.playbook.review.ReviewFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReplyResourceTest {

    @Test
    void templateReplyIsSuggestedForTheCriticsLanguageAndComplaintOnThePlannedChannel() {
        UUID watch = UUID.randomUUID();
        String crisisId = crisis(watch);
        Mention mention = angryFrench(watch);

        given().auth().oauth2(COLE).contentType(ContentType.JSON).body(mentionOnly(mention))
                .when().post("/api/crises/" + crisisId + "/replies")
                .then().statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("author", equalTo("cole"))
                .body("complaint", equalTo("OUTAGE"))
                .body("templateKey", equalTo("outage-fr"))
                .body("language", equalTo("fr"))
                .body("text", equalTo("@jeanne nous sommes désolés : l'application est en panne. Nos équipes la "
                        + "rétablissent, nous vous tenons informé ici."))
                .body("fromTemplate", equalTo(true))
                .body("channelId", equalTo(PublishingStub.MASTODON))
                .body("mention.id", equalTo(mention.id().toString()))
                .body("mention.externalId", equalTo(mention.externalId()))
                .body("mention.source", equalTo("mastodon"))
                .body("toneVerdict", equalTo("COURTEOUS"))
                .body("channelCheck.status", equalTo("OK"));
    }

    @Test
    void exactTemplateGoesOutAfterTheToneCheckAloneAsAReplyInTheCriticsThread() {
        UUID watch = UUID.randomUUID();
        String crisisId = crisis(watch);
        Mention mention = angryFrench(watch);
        String id = draft(COLE, crisisId, mentionOnly(mention));

        try (TopicProbe statements = TopicProbe.watch(InfrastructureTestResource.kafkaBootstrapServers(),
                Topics.STATEMENTS)) {
            given().auth().oauth2(COLE).when().post("/api/replies/" + id + "/send")
                    .then().statusCode(200)
                    .body("status", equalTo("APPROVED"))
                    .body("approval", equalTo("POLICY"))
                    .body("approvedBy", equalTo("policy:template"))
                    .body("sentBy", equalTo("cole"))
                    .body("approvedAt", notNullValue());

            JsonNode event = statements.awaitEvent(e -> e.path("data").path("statementId").asText().equals(id),
                    Duration.ofSeconds(30));
            assertThat(event.path("type").asText()).isEqualTo("io.firebreak.playbook.statement.approved");
            assertThat(event.path("_key").asText()).isEqualTo(crisisId);
            JsonNode data = event.path("data");
            assertThat(data.path("phase").asText()).isEqualTo("REPLY");
            assertThat(data.path("crisisId").asText()).isEqualTo(crisisId);
            assertThat(data.path("language").asText()).isEqualTo("fr");
            assertThat(data.path("text").asText()).startsWith("@jeanne nous sommes désolés");
            assertThat(data.path("channelIds")).hasSize(1);
            assertThat(data.path("channelIds").get(0).asText()).isEqualTo(PublishingStub.MASTODON);
            assertThat(data.path("allowThread").asBoolean()).isFalse();
            assertThat(data.path("drill").asBoolean()).isFalse();
            assertThat(data.path("approvedBy").asText()).isEqualTo("policy:template");
            assertThat(data.path("replyTo").path("platform").asText()).isEqualTo("mastodon");
            assertThat(data.path("replyTo").path("postId").asText()).isEqualTo(mention.externalId());
            assertThat(data.path("replyTo").path("postUrl").asText()).isEqualTo(mention.url());
            assertThat(data.path("replyTo").path("author").asText()).isEqualTo("jeanne");
        }
    }

    @Test
    void aggressiveFreeReplyIsRefusedWithWhatWasFlaggedAndWhy() {
        UUID watch = UUID.randomUUID();
        String crisisId = crisis(watch);
        String id = draft(COLE, crisisId, withText(angryFrench(watch), RUDE));
        given().auth().oauth2(COLE).when().get("/api/replies/" + id)
                .then().body("toneVerdict", equalTo("REFUSED")).body("fromTemplate", equalTo(false));

        given().auth().oauth2(COLE).when().post("/api/replies/" + id + "/send")
                .then().statusCode(422)
                .body("type", equalTo("https://firebreak.io/problems/tone-rejected"))
                .body("detail", containsString("refuses to answer"))
                .body("detail", containsString("puts the fault on the public"))
                .body("errors.message", hasItem(containsString("EVASIVE at 0-10 \"no comment\"")));
        given().auth().oauth2(COLE).when().get("/api/replies/" + id)
                .then().body("status", equalTo("DRAFT")).body("approvedBy", nullValue());
    }

    @Test
    void courteousFreeReplyNeedsAnApproverOtherThanItsAuthor() {
        UUID watch = UUID.randomUUID();
        String crisisId = crisis(watch);
        String id = draft(COLE, crisisId, withText(angryFrench(watch), COURTEOUS));

        given().auth().oauth2(COLE).when().post("/api/replies/" + id + "/send")
                .then().statusCode(200)
                .body("status", equalTo("PENDING_APPROVAL"))
                .body("sentBy", equalTo("cole"))
                .body("approvedBy", nullValue());
        given().auth().oauth2(TestTokens.of("cole", "approver")).when().post("/api/replies/" + id + "/approve")
                .then().statusCode(403)
                .body("type", equalTo("https://firebreak.io/problems/four-eyes"));

        try (TopicProbe statements = TopicProbe.watch(InfrastructureTestResource.kafkaBootstrapServers(),
                Topics.STATEMENTS)) {
            given().auth().oauth2(ABE).when().post("/api/replies/" + id + "/approve")
                    .then().statusCode(200)
                    .body("status", equalTo("APPROVED"))
                    .body("approval", equalTo("APPROVER"))
                    .body("approvedBy", equalTo("abe"));
            JsonNode event = statements.awaitEvent(e -> e.path("data").path("statementId").asText().equals(id),
                    Duration.ofSeconds(30));
            assertThat(event.path("data").path("text").asText()).isEqualTo(COURTEOUS);
            assertThat(event.path("data").path("approvedBy").asText()).isEqualTo("abe");
            assertThat(event.path("data").path("replyTo").path("platform").asText()).isEqualTo("mastodon");
        }
    }

    @Test
    void anEditedTemplateIsAFreeReplyThatNeedsAnApprover() {
        UUID watch = UUID.randomUUID();
        String crisisId = crisis(watch);
        String id = draft(COLE, crisisId, mentionOnly(angryFrench(watch)));

        given().auth().oauth2(COLE).contentType(ContentType.JSON)
                .body("{\"text\":\"@jeanne toutes nos excuses : l'application est en panne, nous la rétablissons.\"}")
                .when().put("/api/replies/" + id)
                .then().statusCode(200)
                .body("fromTemplate", equalTo(false))
                .body("templateKey", equalTo("outage-fr"))
                .body("toneVerdict", equalTo("COURTEOUS"))
                .body("channelCheck.status", equalTo("OK"));
        given().auth().oauth2(COLE).when().post("/api/replies/" + id + "/send")
                .then().statusCode(200).body("status", equalTo("PENDING_APPROVAL"));
    }

    @Test
    void underAlwaysApproverEvenAnExactTemplateWaitsForAnApprover() {
        UUID watch = UUID.randomUUID();
        String crisisId = crisis(watch, ReplyFixtures.playbook("ALWAYS_APPROVER", PublishingStub.MASTODON));
        String id = draft(COLE, crisisId, mentionOnly(angryFrench(watch)));
        given().auth().oauth2(COLE).when().post("/api/replies/" + id + "/send")
                .then().statusCode(200)
                .body("fromTemplate", equalTo(true))
                .body("status", equalTo("PENDING_APPROVAL"));
    }

    @Test
    void onlyTheAuthorEditsOrSendsTheirReply() {
        UUID watch = UUID.randomUUID();
        String crisisId = crisis(watch);
        String id = draft(COLE, crisisId, mentionOnly(angryFrench(watch)));
        String colin = TestTokens.of("colin", "communicator");

        given().auth().oauth2(colin).contentType(ContentType.JSON).body("{\"text\":\"Sorry!\"}")
                .when().put("/api/replies/" + id)
                .then().statusCode(403).body("type", equalTo("https://firebreak.io/problems/not-author"));
        given().auth().oauth2(colin).when().post("/api/replies/" + id + "/send")
                .then().statusCode(403).body("type", equalTo("https://firebreak.io/problems/not-author"));
        given().auth().oauth2(COLE).when().get("/api/replies/" + id).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void aRejectedReplySaysWhyAndFreesTheMention() {
        UUID watch = UUID.randomUUID();
        String crisisId = crisis(watch);
        Mention mention = angryFrench(watch);
        String id = ReplyFixtures.pending(crisisId, mention);

        given().auth().oauth2(ABE).contentType(ContentType.JSON).body("{\"reason\":\"answer in French\"}")
                .when().post("/api/replies/" + id + "/reject")
                .then().statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("rejectedBy", equalTo("abe"))
                .body("rejectionReason", equalTo("answer in French"));
        draft(COLE, crisisId, mentionOnly(mention));
        given().auth().oauth2(COLE).when().get("/api/crises/" + crisisId + "/replies")
                .then().statusCode(200).body("status", equalTo(List.of("REJECTED", "DRAFT")));
    }

    @Test
    void aSecondReplyToTheSameMentionIsRefused() {
        UUID watch = UUID.randomUUID();
        String crisisId = crisis(watch);
        Mention mention = angryFrench(watch);
        String first = draft(COLE, crisisId, mentionOnly(mention));

        given().auth().oauth2(TestTokens.of("colin", "communicator")).contentType(ContentType.JSON)
                .body(withText(mention, COURTEOUS))
                .when().post("/api/crises/" + crisisId + "/replies")
                .then().statusCode(409)
                .body("type", equalTo("https://firebreak.io/problems/mention-already-answered"))
                .body("detail", containsString(first));
    }

    @Test
    void repliesDraftedAtTheSameTimeToOneMentionMakeExactlyOne() throws Exception {
        UUID watch = UUID.randomUUID();
        String crisisId = crisis(watch);
        Mention mention = angryFrench(watch);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> drafts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String token = TestTokens.of("cole" + i, "communicator");
                drafts.add(() -> given().auth().oauth2(token).contentType(ContentType.JSON).body(mentionOnly(mention))
                        .when().post("/api/crises/" + crisisId + "/replies").then().extract().statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(drafts)) {
                statuses.add(status.get());
            }
            assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(COLE).when().get("/api/crises/" + crisisId + "/replies")
                .then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void replyingToAnUnknownMentionIsNotFound() {
        String crisisId = crisis(UUID.randomUUID());
        UUID unknown = UUID.randomUUID();
        given().auth().oauth2(COLE).contentType(ContentType.JSON).body("{\"mentionId\":\"" + unknown + "\"}")
                .when().post("/api/crises/" + crisisId + "/replies")
                .then().statusCode(404)
                .body("detail", containsString(unknown.toString()));
    }

    @Test
    void aPlatformWithoutRepliesSaysSoWhenTheDraftIsMade() {
        UUID watch = UUID.randomUUID();
        String crisisId = crisis(watch);
        Mention onLinkedIn = known(Mention.on(watch, "linkedin", "marc", "en", "Your app is down again, not working"));

        given().auth().oauth2(COLE).contentType(ContentType.JSON).body(mentionOnly(onLinkedIn))
                .when().post("/api/crises/" + crisisId + "/replies")
                .then().statusCode(422)
                .body("type", equalTo("https://firebreak.io/problems/replies-not-supported"))
                .body("detail", containsString("cannot reply"));
        given().auth().oauth2(COLE).when().get("/api/crises/" + crisisId + "/replies")
                .then().statusCode(200).body("$", empty());
    }

    @Test
    void aChannelOfAnotherPlatformIsRefused() {
        UUID watch = UUID.randomUUID();
        String crisisId = crisis(watch);
        UUID xChannel = UUID.randomUUID();
        given().auth().oauth2(COLE).contentType(ContentType.JSON)
                .body("{\"mentionId\":\"" + angryFrench(watch).id() + "\",\"channelId\":\"" + xChannel + "\"}")
                .when().post("/api/crises/" + crisisId + "/replies")
                .then().statusCode(422)
                .body("type", equalTo("https://firebreak.io/problems/reply-platform-mismatch"))
                .body("detail", containsString("mastodon"));
    }

    @Test
    void withoutASureChannelTheAuthorIsAskedToPickOne() {
        UUID watch = UUID.randomUUID();
        String crisisId = crisis(watch, ReplyFixtures.playbook(null, PublishingStub.MASTODON,
                PublishingStub.MASTODON_SECOND));
        Mention mention = angryFrench(watch);

        given().auth().oauth2(COLE).contentType(ContentType.JSON).body(mentionOnly(mention))
                .when().post("/api/crises/" + crisisId + "/replies")
                .then().statusCode(422)
                .body("type", equalTo("https://firebreak.io/problems/channel-required"))
                .body("detail", containsString("2 planned channels are on mastodon"))
                .body("errors.field", hasItem("channelId"));
        given().auth().oauth2(COLE).contentType(ContentType.JSON)
                .body("{\"mentionId\":\"" + mention.id() + "\",\"channelId\":\"" + PublishingStub.MASTODON_SECOND
                        + "\"}")
                .when().post("/api/crises/" + crisisId + "/replies")
                .then().statusCode(201)
                .body("channelId", equalTo(PublishingStub.MASTODON_SECOND));
    }

    @Test
    void aTooLongReplyIsDraftedWithWhatTheChannelRefuses() {
        UUID watch = UUID.randomUUID();
        String crisisId = crisis(watch);
        String id = draft(COLE, crisisId, withText(angryFrench(watch), "Sorry. " + "x".repeat(600)));
        given().auth().oauth2(COLE).when().get("/api/replies/" + id)
                .then().body("channelCheck.status", equalTo("FAILED"))
                .body("channelCheck.problems[0]", containsString("TOO_LONG"));
        given().auth().oauth2(COLE).when().post("/api/replies/" + id + "/send")
                .then().statusCode(422)
                .body("type", equalTo("https://firebreak.io/problems/channel-rules-failed"));
    }

    @Test
    void aMentionOfAnotherWatchIsNotTheCrisisToAnswer() {
        String crisisId = crisis(UUID.randomUUID());
        Mention elsewhere = angryFrench(UUID.randomUUID());
        given().auth().oauth2(COLE).contentType(ContentType.JSON).body(mentionOnly(elsewhere))
                .when().post("/api/crises/" + crisisId + "/replies")
                .then().statusCode(422)
                .body("type", equalTo("https://firebreak.io/problems/mention-not-in-crisis"));
    }

    @Test
    void criticsAreAnsweredOnlyWhileACrisisIsLiveAndFollowsAWatch() {
        String withoutWatch = ReviewFixtures.activeCrisis(ReviewFixtures.playbook());
        given().auth().oauth2(COLE).contentType(ContentType.JSON).body("{\"mentionId\":\"" + UUID.randomUUID() + "\"}")
                .when().post("/api/crises/" + withoutWatch + "/replies")
                .then().statusCode(409)
                .body("type", equalTo("https://firebreak.io/problems/crisis-without-watch"));

        String resolved = ReviewFixtures.resolvedCrisis(ReviewFixtures.playbook());
        given().auth().oauth2(COLE).contentType(ContentType.JSON).body("{\"mentionId\":\"" + UUID.randomUUID() + "\"}")
                .when().post("/api/crises/" + resolved + "/replies")
                .then().statusCode(409)
                .body("type", equalTo("https://firebreak.io/problems/crisis-not-active"));
    }

    @Test
    void aReplyWithoutTemplateOrTextNamesWhatIsMissing() {
        UUID watch = UUID.randomUUID();
        String crisisId = crisis(watch);
        Mention refund = known(Mention.on(watch, "mastodon", "paul", "fr", "Je veux être remboursé des frais !"));
        given().auth().oauth2(COLE).contentType(ContentType.JSON).body(mentionOnly(refund))
                .when().post("/api/crises/" + crisisId + "/replies")
                .then().statusCode(400)
                .body("type", equalTo("https://firebreak.io/problems/no-template"))
                .body("errors.field", hasItem("text"));
        given().auth().oauth2(COLE).contentType(ContentType.JSON)
                .body("{\"mentionId\":\"" + refund.id() + "\",\"templateKey\":\"nope\"}")
                .when().post("/api/crises/" + crisisId + "/replies")
                .then().statusCode(400)
                .body("type", equalTo("https://firebreak.io/problems/unknown-template"));
    }

    @Test
    void aCheckThatCannotRunKeepsTheDraftAndMakesSendingWait() {
        UUID watch = UUID.randomUUID();
        String crisisId = crisis(watch);
        String toneDown = draft(COLE, crisisId, withText(angryFrench(watch), "Sorry. " + MonitoringStub.UNREACHABLE));
        given().auth().oauth2(COLE).when().get("/api/replies/" + toneDown)
                .then().body("toneVerdict", nullValue()).body("toneBlockedReason", containsString("unreachable"));
        given().auth().oauth2(COLE).when().post("/api/replies/" + toneDown + "/send")
                .then().statusCode(503)
                .body("type", equalTo("https://firebreak.io/problems/tone-check-unavailable"));

        String channelDown = draft(COLE, crisisId, withText(angryFrench(watch),
                "Sorry. " + PublishingStub.UNREACHABLE));
        given().auth().oauth2(COLE).when().get("/api/replies/" + channelDown)
                .then().body("channelCheck.status", equalTo("UNAVAILABLE"));
        given().auth().oauth2(COLE).when().post("/api/replies/" + channelDown + "/send")
                .then().statusCode(503)
                .body("type", equalTo("https://firebreak.io/problems/channel-check-unavailable"));
        given().auth().oauth2(COLE).when().get("/api/replies/" + channelDown).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void onlyAWaitingReplyIsApprovedAndEditingItTakesItBackToADraft() {
        UUID watch = UUID.randomUUID();
        String crisisId = crisis(watch);
        String id = draft(COLE, crisisId, withText(angryFrench(watch), COURTEOUS));
        given().auth().oauth2(ABE).when().post("/api/replies/" + id + "/approve")
                .then().statusCode(409).body("type", equalTo("https://firebreak.io/problems/reply-not-pending"));

        given().auth().oauth2(COLE).when().post("/api/replies/" + id + "/send")
                .then().statusCode(200).body("status", equalTo("PENDING_APPROVAL"));
        given().auth().oauth2(COLE).contentType(ContentType.JSON).body("{\"text\":\"" + COURTEOUS + " Thank you.\"}")
                .when().put("/api/replies/" + id)
                .then().statusCode(200).body("status", equalTo("DRAFT")).body("sentBy", nullValue());
        given().auth().oauth2(ABE).when().post("/api/replies/" + id + "/approve")
                .then().statusCode(409).body("type", equalTo("https://firebreak.io/problems/reply-not-pending"));
    }
}
