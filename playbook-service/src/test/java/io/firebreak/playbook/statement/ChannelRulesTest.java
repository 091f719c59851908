package io.firebreak.playbook.statement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.firebreak.devstack.testing.TestTokens;
import io.firebreak.playbook.client.PublishingStub;
import io.firebreak.playbook.review.ReviewFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Statements checked against their target channels' rules (publishing-service) as they are written. */
@QuarkusTest
class ChannelRulesTest {

    private static final String COLE = TestTokens.of("cole", "communicator");
    private static final String ABE = TestTokens.of("abe", "approver");
    private static final String SHORT = "We are sorry: our app is down. We will update you by 14:00.";
    private static final String LONG = "We are sorry. ".repeat(21) + "More at 14:00.";

    private static String crisis() {
        return ReviewFixtures.activeCrisis(ReviewFixtures.playbook());
    }

    private static ValidatableResponse draft(String crisisId, String text, String... channelIds) {
        String ids = channelIds.length == 0 ? "" : ",\"channelIds\":[\"" + String.join("\",\"", channelIds) + "\"]";
        return given().auth().oauth2(COLE).contentType(ContentType.JSON)
                .body("{\"phase\":\"HOLDING\",\"channel\":\"x\",\"language\":\"en\",\"text\":\"" + text + "\"" + ids + "}")
                .when().post("/api/crises/" + crisisId + "/statements")
                .then();
    }

    private static ValidatableResponse approve(String id, String body) {
        return given().auth().oauth2(ABE).contentType(ContentType.JSON).body(body)
                .when().post("/api/statements/" + id + "/approve").then();
    }

    @Test
    void draftIsCheckedAgainstEachTargetChannelAsItIsWrittenAndAgainWhenEdited() {
        String x = UUID.randomUUID().toString();
        String id = draft(crisis(), LONG, x, PublishingStub.MASTODON).statusCode(201)
                .body("channelIds", contains(x, PublishingStub.MASTODON))
                .body("channelCheck.status", equalTo("FAILED"))
                .body("channelCheck.checkedAt", notNullValue())
                .body("channelCheck.problems", hasSize(1))
                .body("channelCheck.problems[0]", containsString("channel " + x + " (X): TOO_LONG"))
                .body("channelCheck.problems[0]", containsString("from character 280"))
                .body("channelCheck.channels.ok", contains(false, true))
                .extract().path("id");

        given().auth().oauth2(COLE).contentType(ContentType.JSON).body("{\"text\":\"" + SHORT + "\"}")
                .when().put("/api/statements/" + id)
                .then().statusCode(200)
                .body("channelCheck.status", equalTo("OK"))
                .body("channelCheck.problems", hasSize(0))
                .body("channelCheck.channels.limit", contains(280, 500));
    }

    @Test
    void approvalIsRefusedWhileAChannelRefusesTheText() {
        String x = UUID.randomUUID().toString();
        String id = draft(crisis(), LONG, x).statusCode(201).extract().path("id");

        approve(id, "{}").statusCode(409)
                .body("type", equalTo("https://firebreak.io/problems/channel-rules-failed"))
                .body("detail", containsString("TOO_LONG"))
                .body("errors.field", hasItem("text"));
        given().auth().oauth2(ABE).when().get("/api/statements/" + id)
                .then().body("status", equalTo("DRAFT"))
                .body("channelCheck.status", equalTo("FAILED"));
    }

    @Test
    void approvalChecksTheChannelsItSendsTo() {
        String id = draft(crisis(), LONG).statusCode(201)
                .body("channelCheck", nullValue())
                .extract().path("id");

        approve(id, "{\"channelIds\":[\"" + UUID.randomUUID() + "\"]}").statusCode(409)
                .body("type", equalTo("https://firebreak.io/problems/channel-rules-failed"));
        approve(id, "{\"channelIds\":[\"" + PublishingStub.MASTODON + "\"]}").statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("channelCheck.status", equalTo("OK"))
                .body("channelIds", contains(PublishingStub.MASTODON));
    }

    @Test
    void unreachablePublishingLeavesTheCheckPendingAndApprovalWaits() {
        String text = "We are on it. " + PublishingStub.UNREACHABLE;
        String id = draft(crisis(), text, UUID.randomUUID().toString()).statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("channelCheck.status", equalTo("UNAVAILABLE"))
                .body("channelCheck.reason", containsString("publishing-service"))
                .extract().path("id");

        approve(id, "{}").statusCode(503)
                .body("type", equalTo("https://firebreak.io/problems/channel-check-unavailable"))
                .body("detail", containsString("approval waits"));
        given().auth().oauth2(ABE).when().post("/api/statements/" + id + "/channel-check")
                .then().statusCode(200)
                .body("channelCheck.status", equalTo("UNAVAILABLE"));
        given().auth().oauth2(ABE).when().get("/api/statements/" + id)
                .then().body("status", equalTo("DRAFT"));
    }

    @Test
    void aChannelPublishingDoesNotKnowFailsTheCheck() {
        String id = draft(crisis(), SHORT, PublishingStub.UNKNOWN).statusCode(201)
                .body("channelCheck.status", equalTo("FAILED"))
                .body("channelCheck.reason", containsString("some channels do not exist"))
                .extract().path("id");
        approve(id, "{}").statusCode(409)
                .body("type", equalTo("https://firebreak.io/problems/channel-rules-failed"))
                .body("detail", containsString("some channels do not exist"));
    }
}
