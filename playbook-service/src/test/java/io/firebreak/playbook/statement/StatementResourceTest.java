package io.firebreak.playbook.statement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.firebreak.devstack.testing.InfrastructureTestResource;
import io.firebreak.devstack.testing.TestTokens;
import io.firebreak.devstack.testing.TopicProbe;
import io.firebreak.events.Topics;
import io.firebreak.playbook.client.MonitoringStub;
import io.firebreak.playbook.playbook.PlaybookFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StatementResourceTest {

    private static final String COLE = TestTokens.of("cole", "communicator");
    private static final String ABE = TestTokens.of("abe", "approver");
    private static final String RUDE = "no comment, some ill-intentioned users are spreading lies";
    private static final String COURTEOUS = "We are sorry: our app is down. We are fixing it and will update you by 14:00.";

    private static String crisis() {
        String playbook = PlaybookFixtures.create(PlaybookFixtures.bankOutage(UUID.randomUUID(), "HIGH"));
        return given().auth().oauth2(TestTokens.of("carol", "crisis-manager"))
                .contentType(ContentType.JSON)
                .body("{\"title\":\"Bank app down\",\"severity\":\"HIGH\",\"playbookId\":\"" + playbook + "\"}")
                .when().post("/api/crises")
                .then().statusCode(201).extract().path("id");
    }

    private static String draft(String crisisId, String text) {
        return given().auth().oauth2(COLE)
                .contentType(ContentType.JSON)
                .body("{\"phase\":\"HOLDING\",\"channel\":\"x\",\"language\":\"en\",\"text\":\"" + text + "\"}")
                .when().post("/api/crises/" + crisisId + "/statements")
                .then().statusCode(201).extract().path("id");
    }

    private static String approveBody(UUID channel) {
        return "{\"scheduledAt\":\"2099-01-01T09:00:00\",\"zone\":\"Europe/Paris\",\"channelIds\":[\"" + channel + "\"]}";
    }

    @Test
    void communicatorDraftsTheHoldingStatementFromItsTemplate() {
        String crisisId = crisis();
        given().auth().oauth2(COLE)
                .contentType(ContentType.JSON)
                .body("""
                        {"phase":"HOLDING","channel":"x","language":"en",
                         "values":{"brand":"Acme Bank","next_update_time":"14:00 CET","link":"https://status.acme.example"}}""")
                .when().post("/api/crises/" + crisisId + "/statements")
                .then().statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("author", equalTo("cole"))
                .body("text", equalTo("Acme Bank knows about Bank app down. Next update at 14:00 CET: "
                        + "https://status.acme.example"));
    }

    @Test
    void draftingWithoutAMatchingTemplateNamesWhatIsMissing() {
        String crisisId = crisis();
        given().auth().oauth2(COLE)
                .contentType(ContentType.JSON).body("{\"phase\":\"UPDATE\",\"channel\":\"x\",\"language\":\"en\"}")
                .when().post("/api/crises/" + crisisId + "/statements")
                .then().statusCode(400)
                .body("type", equalTo("https://firebreak.io/problems/no-template"))
                .body("errors.field", hasItem("phase"));
    }

    @Test
    void rudeDraftIsRefusedByTheToneCheckWithTheReason() {
        String id = draft(crisis(), RUDE);
        given().auth().oauth2(ABE)
                .contentType(ContentType.JSON).body(approveBody(UUID.randomUUID()))
                .when().post("/api/statements/" + id + "/approve")
                .then().statusCode(409)
                .body("type", equalTo("https://firebreak.io/problems/tone-refused"))
                .body("detail", containsString("refuses to answer"))
                .body("detail", containsString("puts the fault on the public"));
        given().auth().oauth2(COLE)
                .when().get("/api/statements/" + id)
                .then().statusCode(200)
                .body("status", equalTo("DRAFT"))
                .body("toneVerdict", equalTo("REFUSED"))
                .body("toneFindings.category", hasItem("EVASIVE"));
    }

    @Test
    void authorSeesTheToneCheckBeforeAskingForApproval() {
        String id = draft(crisis(), COURTEOUS);
        given().auth().oauth2(COLE)
                .when().post("/api/statements/" + id + "/tone-check")
                .then().statusCode(200)
                .body("toneVerdict", equalTo("COURTEOUS"))
                .body("toneCheckedAt", notNullValue());
        given().auth().oauth2(COLE)
                .contentType(ContentType.JSON).body("{\"text\":\"" + RUDE + "\"}")
                .when().put("/api/statements/" + id)
                .then().statusCode(200)
                .body("text", equalTo(RUDE))
                .body("toneVerdict", nullValue());
    }

    @Test
    void approvingOwnStatementIsForbidden() {
        String id = draft(crisis(), COURTEOUS);
        given().auth().oauth2(TestTokens.of("cole", "approver"))
                .contentType(ContentType.JSON).body(approveBody(UUID.randomUUID()))
                .when().post("/api/statements/" + id + "/approve")
                .then().statusCode(403)
                .body("type", equalTo("https://firebreak.io/problems/four-eyes"));
    }

    @Test
    void courteousStatementIsApprovedScheduledAndSentToPublishing() {
        String crisisId = crisis();
        String id = draft(crisisId, COURTEOUS);
        UUID channel = UUID.randomUUID();
        try (TopicProbe statements = TopicProbe.watch(InfrastructureTestResource.kafkaBootstrapServers(),
                Topics.STATEMENTS)) {
            given().auth().oauth2(ABE)
                    .contentType(ContentType.JSON).body(approveBody(channel))
                    .when().post("/api/statements/" + id + "/approve")
                    .then().statusCode(200)
                    .body("status", equalTo("APPROVED"))
                    .body("approvedBy", equalTo("abe"))
                    .body("toneVerdict", equalTo("COURTEOUS"))
                    .body("scheduledAt", equalTo("2099-01-01T08:00:00Z"))
                    .body("scheduleZone", equalTo("Europe/Paris"));

            JsonNode event = statements.awaitEvent(e -> e.path("data").path("statementId").asText().equals(id),
                    Duration.ofSeconds(30));
            assertThat(event.path("type").asText()).isEqualTo("io.firebreak.playbook.statement.approved");
            assertThat(event.path("_key").asText()).isEqualTo(crisisId);
            assertThat(event.path("data").path("text").asText()).isEqualTo(COURTEOUS);
            assertThat(event.path("data").path("channelIds").get(0).asText()).isEqualTo(channel.toString());
            assertThat(event.path("data").path("scheduledAt").asText()).startsWith("2099-01-01T08:00");
        }
    }

    @Test
    void unreachableMonitoringMakesApprovalWaitAndSayWhy() {
        String id = draft(crisis(), "We are on it. " + MonitoringStub.UNREACHABLE);
        given().auth().oauth2(ABE)
                .contentType(ContentType.JSON).body(approveBody(UUID.randomUUID()))
                .when().post("/api/statements/" + id + "/approve")
                .then().statusCode(503)
                .body("type", equalTo("https://firebreak.io/problems/tone-check-unavailable"))
                .body("detail", containsString("monitoring-service"));
        given().auth().oauth2(ABE)
                .when().get("/api/statements/" + id)
                .then().statusCode(200)
                .body("status", equalTo("DRAFT"))
                .body("toneBlockedReason", containsString("unreachable"))
                .body("toneVerdict", nullValue());
    }

    @Test
    void scheduledTimeNeedsAnExplicitZone() {
        String id = draft(crisis(), COURTEOUS);
        given().auth().oauth2(ABE)
                .contentType(ContentType.JSON)
                .body("{\"scheduledAt\":\"2099-01-01T09:00:00\",\"channelIds\":[\"" + UUID.randomUUID() + "\"]}")
                .when().post("/api/statements/" + id + "/approve")
                .then().statusCode(400)
                .body("errors.field", hasItem("zone"));
        given().auth().oauth2(ABE)
                .when().get("/api/statements/" + id)
                .then().body("status", equalTo("DRAFT"));
    }

    @Test
    void approvedStatementCancelledBeforePublicationIsWithdrawn() {
        String crisisId = crisis();
        String id = draft(crisisId, COURTEOUS);
        given().auth().oauth2(ABE)
                .contentType(ContentType.JSON).body(approveBody(UUID.randomUUID()))
                .when().post("/api/statements/" + id + "/approve")
                .then().statusCode(200);
        try (TopicProbe statements = TopicProbe.watch(InfrastructureTestResource.kafkaBootstrapServers(),
                Topics.STATEMENTS)) {
            given().auth().oauth2(COLE)
                    .contentType(ContentType.JSON).body("{\"reason\":\"superseded\"}")
                    .when().post("/api/statements/" + id + "/cancel")
                    .then().statusCode(200)
                    .body("status", equalTo("CANCELLED"))
                    .body("cancelledBy", equalTo("cole"));
            JsonNode event = statements.awaitEvent(e -> e.path("data").path("statementId").asText().equals(id)
                    && e.path("type").asText().endsWith("withdrawn"), Duration.ofSeconds(30));
            assertThat(event.path("data").path("crisisId").asText()).isEqualTo(crisisId);
        }
        given().auth().oauth2(COLE)
                .contentType(ContentType.JSON).body("{}")
                .when().post("/api/statements/" + id + "/cancel")
                .then().statusCode(409);
    }

    @Test
    void unknownStatementOrCrisisIsNotFound() {
        given().auth().oauth2(ABE).when().get("/api/statements/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(COLE)
                .contentType(ContentType.JSON).body("{\"phase\":\"HOLDING\",\"channel\":\"x\",\"language\":\"en\"}")
                .when().post("/api/crises/" + UUID.randomUUID() + "/statements")
                .then().statusCode(404);
    }

    @Test
    void rolesAreEnforcedOnEveryStatementEndpoint() {
        String crisisId = crisis();
        String id = draft(crisisId, COURTEOUS);
        String drafts = "/api/crises/" + crisisId + "/statements";
        String body = "{\"phase\":\"HOLDING\",\"channel\":\"x\",\"language\":\"en\",\"text\":\"Hello\"}";

        given().contentType(ContentType.JSON).body(body).when().post(drafts).then().statusCode(401);
        given().when().get(drafts).then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").when().post("/api/statements/" + id + "/approve")
                .then().statusCode(401);

        given().auth().oauth2(ABE).contentType(ContentType.JSON).body(body).when().post(drafts)
                .then().statusCode(403);
        given().auth().oauth2(COLE).contentType(ContentType.JSON).body("{}")
                .when().post("/api/statements/" + id + "/approve").then().statusCode(403);
        given().auth().oauth2(ABE).contentType(ContentType.JSON).body("{\"text\":\"x\"}")
                .when().put("/api/statements/" + id).then().statusCode(403);
        given().auth().oauth2(ABE).contentType(ContentType.JSON).body("{}")
                .when().post("/api/statements/" + id + "/cancel").then().statusCode(403);
        for (String token : List.of(TestTokens.of("emma", "employee"), TestTokens.of("anna", "analyst"))) {
            given().auth().oauth2(token).when().get(drafts).then().statusCode(403);
            given().auth().oauth2(token).when().get("/api/statements/" + id).then().statusCode(403);
            given().auth().oauth2(token).when().post("/api/statements/" + id + "/tone-check").then().statusCode(403);
        }

        given().auth().oauth2(TestTokens.of("carol", "crisis-manager")).when().get(drafts)
                .then().statusCode(200).body("id", hasItem(id));
    }
}
