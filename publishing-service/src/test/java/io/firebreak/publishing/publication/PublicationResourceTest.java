package io.firebreak.publishing.publication;

import static io.firebreak.publishing.Fixtures.approved;
import static io.firebreak.publishing.Fixtures.awaitPublications;
import static io.firebreak.publishing.Fixtures.publication;
import static io.firebreak.publishing.Fixtures.publications;
import static io.firebreak.publishing.Fixtures.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.firebreak.devstack.testing.TestTokens;
import io.firebreak.events.CrisisStatus;
import io.firebreak.events.Topics;
import io.firebreak.publishing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PublicationResourceTest {

    @jakarta.inject.Inject
    PublicationDispatcher dispatcher;
    /** Other tests move the service's clock forward: "now" is its now. */
    @jakarta.inject.Inject
    io.firebreak.publishing.TestClock clock;

    private static String communicator() {
        return TestTokens.of("cole", "communicator");
    }

    /** A statement publication on a fresh sandbox channel, scheduled an hour ahead. */
    private static String[] scheduledStatement() {
        String channel = Fixtures.sandboxChannel();
        UUID crisis = UUID.randomUUID();
        send(Topics.STATEMENTS, approved(UUID.randomUUID(), crisis, "Holding statement.", List.of(channel),
                Instant.now().plusSeconds(3600), false));
        return new String[] {awaitPublications(channel, 1).get(0), channel, crisis.toString()};
    }

    private static io.restassured.response.ValidatableResponse schedulePromotion(String channel, String text,
                                                                                 Instant at) {
        return given().auth().oauth2(communicator()).contentType(ContentType.JSON)
                .body(Map.of("channelId", channel, "text", text, "scheduledAt", at.toString()))
                .when().post("/api/publications").then();
    }

    @Test
    void listFiltersByCrisisChannelAndState() {
        String[] created = scheduledStatement();
        assertThat(publications("crisisId=" + created[2]).getList("id")).containsExactly(created[0]);
        assertThat(publications("channelId=" + created[1] + "&state=SCHEDULED").getList("id"))
                .containsExactly(created[0]);
        assertThat(publications("channelId=" + created[1] + "&state=PUBLISHED").getList("id")).isEmpty();
        given().auth().oauth2(communicator()).when().get("/api/publications?state=NOPE").then().statusCode(404);
    }

    @Test
    void aCommunicatorCancelsAndItIsRecordedWithWhoAndWhen() {
        String id = scheduledStatement()[0];
        given().auth().oauth2(communicator()).contentType(ContentType.JSON).body(Map.of("reason", "wrong tone"))
                .when().post("/api/publications/" + id + "/cancel")
                .then().statusCode(200)
                .body("state", equalTo("CANCELLED"))
                .body("updatedBy", equalTo("cole"))
                .body("history[-1].actor", equalTo("cole"))
                .body("history[-1].reason", equalTo("wrong tone"));
        given().auth().oauth2(communicator()).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/publications/" + id + "/cancel")
                .then().statusCode(409).body("type", containsString("illegal-publication-state"));
    }

    @Test
    void aCommunicatorReschedulesButNotIntoThePast() {
        String id = scheduledStatement()[0];
        Instant later = Instant.parse("2099-01-01T10:00:00Z");
        given().auth().oauth2(communicator()).contentType(ContentType.JSON)
                .body(Map.of("scheduledAt", later.toString()))
                .when().post("/api/publications/" + id + "/reschedule")
                .then().statusCode(200)
                .body("scheduledAt", equalTo(later.toString()))
                .body("history[-1].actor", equalTo("cole"));
        given().auth().oauth2(communicator()).contentType(ContentType.JSON)
                .body(Map.of("scheduledAt", "2020-01-01T00:00:00Z"))
                .when().post("/api/publications/" + id + "/reschedule")
                .then().statusCode(400).body("type", containsString("scheduled-in-the-past"));
        given().auth().oauth2(communicator()).contentType(ContentType.JSON)
                .body(Map.of("scheduledAt", later.toString()))
                .when().post("/api/publications/" + UUID.randomUUID() + "/reschedule")
                .then().statusCode(404);
    }

    @Test
    void aPromotionalPostIsCheckedWhenScheduled() {
        String sandbox = Fixtures.sandboxChannel();
        schedulePromotion(UUID.randomUUID().toString(), "hi", clock.instant().plusSeconds(60))
                .statusCode(400).body("type", containsString("unknown-channel"));
        schedulePromotion(sandbox, "hi", clock.instant().minusSeconds(3600))
                .statusCode(400).body("errors.field", hasItem("scheduledAt"));
        String x = given().auth().oauth2(TestTokens.of("ada", "admin")).contentType(ContentType.JSON)
                .body(Map.of("name", "X", "platform", "X", "credentials", Map.of("accessToken", "t")))
                .when().post("/api/channels").then().statusCode(201).extract().path("id");
        schedulePromotion(x, "y".repeat(300), clock.instant().plusSeconds(60))
                .statusCode(400).body("type", containsString("text-does-not-fit"))
                .body("detail", containsString("20 over"));
    }

    @Test
    void aLiveCrisisHoldsPromotionalPostsUntilACrisisManagerReleasesOne() {
        String sandbox = Fixtures.sandboxChannel();
        String id = schedulePromotion(sandbox, "Black Friday: 30% off!", clock.instant().plusSeconds(1))
                .statusCode(201).body("createdBy", equalTo("cole")).extract().path("id");

        Fixtures.sendCrisis(UUID.randomUUID(), CrisisStatus.ACTIVE, false);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> publication(id).getString("state").equals("HELD"));
        assertThat(publication(id).getString("updatedBy")).isEqualTo("crisis-hold");

        given().auth().oauth2(communicator()).when().post("/api/publications/" + id + "/release")
                .then().statusCode(403);
        given().auth().oauth2(communicator()).contentType(ContentType.JSON)
                .body(Map.of("scheduledAt", clock.instant().plusSeconds(60).toString()))
                .when().post("/api/publications/" + id + "/reschedule")
                .then().statusCode(409).body("type", containsString("publication-held"));
        given().auth().oauth2(TestTokens.of("carol", "crisis-manager"))
                .when().post("/api/publications/" + id + "/release")
                .then().statusCode(200).body("state", equalTo("SCHEDULED")).body("updatedBy", equalTo("carol"));

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            dispatcher.dispatchOnce("replica-a").await().atMost(Duration.ofSeconds(30));
            return publication(id).getString("state").equals("PUBLISHED");
        });
    }

    @Test
    void aCrisisManagerHoldsEverythingStillPendingCrisisStatementsIncluded() {
        String id = scheduledStatement()[0];
        given().auth().oauth2(communicator()).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/publications/hold-all").then().statusCode(403);
        given().auth().oauth2(TestTokens.of("carol", "crisis-manager")).contentType(ContentType.JSON)
                .body(Map.of("reason", "facts changed, re-read everything"))
                .when().post("/api/publications/hold-all")
                .then().statusCode(200).body("held", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        var held = publication(id);
        assertThat(held.getString("state")).isEqualTo("HELD");
        assertThat(held.getString("updatedBy")).isEqualTo("carol");
        assertThat(held.getString("history[-1].reason")).isEqualTo("facts changed, re-read everything");
        given().auth().oauth2(TestTokens.of("carol", "crisis-manager"))
                .when().post("/api/publications/" + id + "/release")
                .then().statusCode(200).body("state", equalTo("SCHEDULED"));
    }

    @Test
    void readingWithoutATokenIsUnauthorized() {
        given().when().get("/api/publications").then().statusCode(401);
        given().when().post("/api/publications/" + UUID.randomUUID() + "/cancel").then().statusCode(401);
    }

    @Test
    void analystsCannotReadAndApproversCannotCancelOrSchedule() {
        given().auth().oauth2(TestTokens.of("anna", "analyst")).when().get("/api/publications").then().statusCode(403);
        String id = scheduledStatement()[0];
        given().auth().oauth2(TestTokens.of("april", "approver")).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/publications/" + id + "/cancel").then().statusCode(403);
        given().auth().oauth2(TestTokens.of("april", "approver")).contentType(ContentType.JSON)
                .body(Map.of("channelId", UUID.randomUUID().toString(), "text", "x", "scheduledAt", "2099-01-01T00:00:00Z"))
                .when().post("/api/publications").then().statusCode(403);
        assertThat(publication(id).getString("state")).isEqualTo("SCHEDULED");
    }
}
