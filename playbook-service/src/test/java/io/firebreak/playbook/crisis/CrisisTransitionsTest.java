package io.firebreak.playbook.crisis;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.firebreak.devstack.testing.InfrastructureTestResource;
import io.firebreak.devstack.testing.TestTokens;
import io.firebreak.devstack.testing.TopicProbe;
import io.firebreak.events.Topics;
import io.firebreak.playbook.playbook.PlaybookFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CrisisTransitionsTest {

    private static final String CAROL = TestTokens.of("carol", "crisis-manager");

    static String propose(boolean drill) {
        return given().auth().oauth2(CAROL)
                .contentType(ContentType.JSON)
                .body("{\"title\":\"Bank app down\",\"severity\":\"HIGH\",\"drill\":" + drill + "}")
                .when().post("/api/crises")
                .then().statusCode(201).extract().path("id");
    }

    static void move(String id, String action, String reason) {
        given().auth().oauth2(CAROL)
                .contentType(ContentType.JSON).body("{\"reason\":\"" + reason + "\"}")
                .when().post("/api/crises/" + id + "/" + action)
                .then().statusCode(200);
    }

    @Test
    void crisisManagerActivatesAndTheTransitionIsRecordedAndAnnounced() {
        String id = propose(false);
        try (TopicProbe crises = TopicProbe.watch(InfrastructureTestResource.kafkaBootstrapServers(), Topics.CRISES)) {
            given().auth().oauth2(CAROL)
                    .contentType(ContentType.JSON).body("{\"reason\":\"app down for 20 minutes\"}")
                    .when().post("/api/crises/" + id + "/activate")
                    .then().statusCode(200)
                    .body("status", equalTo("ACTIVE"))
                    .body("activatedAt", notNullValue())
                    .body("transitions[1].from", equalTo("PROPOSED"))
                    .body("transitions[1].to", equalTo("ACTIVE"))
                    .body("transitions[1].actor", equalTo("carol"))
                    .body("transitions[1].reason", equalTo("app down for 20 minutes"));

            JsonNode event = crises.awaitEvent(e -> e.path("data").path("crisisId").asText().equals(id)
                    && e.path("data").path("status").asText().equals("ACTIVE"), Duration.ofSeconds(30));
            assertThat(event.path("type").asText()).isEqualTo("io.firebreak.playbook.crisis.active");
            assertThat(event.path("data").path("reason").asText()).isEqualTo("app down for 20 minutes");
            assertThat(event.path("data").path("assignments").isArray()).isTrue();
        }
    }

    @Test
    void fullLifecycleUpToResolution() {
        String id = propose(false);
        move(id, "activate", "confirmed");
        move(id, "contain", "fix deployed");
        move(id, "activate", "down again");
        move(id, "contain", "second fix");
        given().auth().oauth2(CAROL)
                .when().get("/api/crises/" + id)
                .then().statusCode(200)
                .body("status", equalTo("CONTAINED"))
                .body("transitions.to", org.hamcrest.Matchers.contains("PROPOSED", "ACTIVE", "CONTAINED", "ACTIVE",
                        "CONTAINED"));
    }

    @Test
    void resolvingADismissedCrisisIsAConflictNamingBothStates() {
        String id = propose(false);
        move(id, "dismiss", "false alarm");
        given().auth().oauth2(CAROL)
                .contentType(ContentType.JSON).body("{\"reason\":\"done\"}")
                .when().post("/api/crises/" + id + "/resolve")
                .then().statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://firebreak.io/problems/invalid-transition"))
                .body("detail", containsString("DISMISSED"))
                .body("detail", containsString("RESOLVED"));
        given().auth().oauth2(CAROL)
                .when().get("/api/crises/" + id)
                .then().body("status", equalTo("DISMISSED"))
                .body("transitions.size()", equalTo(2));
    }

    @Test
    void dismissingNeedsAReason() {
        String id = propose(false);
        given().auth().oauth2(CAROL)
                .contentType(ContentType.JSON).body("{}")
                .when().post("/api/crises/" + id + "/dismiss")
                .then().statusCode(400)
                .body("errors.field", hasItem("reason"));
    }

    @Test
    void unknownCrisisCannotBeActivated() {
        given().auth().oauth2(CAROL)
                .contentType(ContentType.JSON).body("{\"reason\":\"x\"}")
                .when().post("/api/crises/" + UUID.randomUUID() + "/activate")
                .then().statusCode(404);
    }

    @Test
    void onlyCrisisManagersMoveCrises() {
        String id = propose(false);
        given().contentType(ContentType.JSON).body("{\"reason\":\"x\"}")
                .when().post("/api/crises/" + id + "/activate")
                .then().statusCode(401);
        for (String action : new String[] {"activate", "contain", "resolve", "dismiss"}) {
            given().auth().oauth2(TestTokens.of("cole", "communicator"))
                    .contentType(ContentType.JSON).body("{\"reason\":\"x\"}")
                    .when().post("/api/crises/" + id + "/" + action)
                    .then().statusCode(403);
        }
    }

    @Test
    void drillsAreCountedApart() {
        String drill = propose(true);
        String real = propose(false);
        given().auth().oauth2(CAROL)
                .when().get("/api/crises?drill=true&size=500")
                .then().statusCode(200)
                .body("id", hasItem(drill))
                .body("id", not(hasItem(real)));
    }

    @Test
    void crisisProposedByHandWithAPlaybookKeepsItsCurrentVersion() {
        String playbook = PlaybookFixtures.create(PlaybookFixtures.bankOutage(UUID.randomUUID(), "HIGH"));
        given().auth().oauth2(CAROL)
                .contentType(ContentType.JSON)
                .body("{\"title\":\"Outage\",\"severity\":\"HIGH\",\"playbookId\":\"" + playbook + "\"}")
                .when().post("/api/crises")
                .then().statusCode(201)
                .body("playbookId", equalTo(playbook))
                .body("playbookVersion", equalTo(1));
        given().auth().oauth2(CAROL)
                .contentType(ContentType.JSON)
                .body("{\"title\":\"Outage\",\"severity\":\"HIGH\",\"playbookId\":\"" + UUID.randomUUID() + "\"}")
                .when().post("/api/crises")
                .then().statusCode(404);
    }
}
