package io.firebreak.playbook.crisis;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.firebreak.devstack.testing.InfrastructureTestResource;
import io.firebreak.devstack.testing.TestTokens;
import io.firebreak.devstack.testing.TopicProbe;
import io.firebreak.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CrisisResourceTest {

    private static final String DRILL = """
            {"title":"Drill: data breach","severity":"CRITICAL","drill":true,"reason":"quarterly exercise"}""";

    @Test
    void crisisManagerProposesACrisisByHand() {
        try (TopicProbe crises = TopicProbe.watch(InfrastructureTestResource.kafkaBootstrapServers(), Topics.CRISES)) {
            String id = given().auth().oauth2(TestTokens.of("carol", "crisis-manager"))
                    .contentType(ContentType.JSON).body(DRILL)
                    .when().post("/api/crises")
                    .then().statusCode(201)
                    .body("status", equalTo("PROPOSED"))
                    .body("drill", equalTo(true))
                    .body("transitions[0].actor", equalTo("carol"))
                    .body("transitions[0].reason", equalTo("quarterly exercise"))
                    .extract().path("id");

            JsonNode event = crises.awaitEvent(e -> e.path("data").path("crisisId").asText().equals(id),
                    Duration.ofSeconds(30));
            assertThat(event.path("data").path("drill").asBoolean()).isTrue();
            assertThat(event.path("data").path("changedBy").asText()).isEqualTo("carol");
        }
    }

    @Test
    void crisesAreListedToTheCrisisTeam() {
        String id = given().auth().oauth2(TestTokens.of("carol", "crisis-manager"))
                .contentType(ContentType.JSON).body(DRILL)
                .when().post("/api/crises")
                .then().statusCode(201).extract().path("id");

        given().auth().oauth2(TestTokens.of("cole", "communicator"))
                .when().get("/api/crises")
                .then().statusCode(200)
                .body("id", hasItem(id));
    }

    @Test
    void proposingWithoutATokenIsUnauthorized() {
        given().contentType(ContentType.JSON).body(DRILL)
                .when().post("/api/crises")
                .then().statusCode(401);
    }

    @Test
    void proposingAsAnalystIsForbidden() {
        given().auth().oauth2(TestTokens.of("anna", "analyst"))
                .contentType(ContentType.JSON).body(DRILL)
                .when().post("/api/crises")
                .then().statusCode(403);
    }

    @Test
    void readingCrisesAsPlainEmployeeIsForbidden() {
        given().auth().oauth2(TestTokens.of("emma", "employee"))
                .when().get("/api/crises")
                .then().statusCode(403);
    }

    @Test
    void missingTitleIsRejectedNamingTheField() {
        given().auth().oauth2(TestTokens.of("carol", "crisis-manager"))
                .contentType(ContentType.JSON).body("{\"severity\":\"LOW\"}")
                .when().post("/api/crises")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem("title"));
    }

    @Test
    void unknownCrisisIsNotFound() {
        given().auth().oauth2(TestTokens.of("carol", "crisis-manager"))
                .when().get("/api/crises/" + UUID.randomUUID())
                .then().statusCode(404)
                .body("type", equalTo("https://firebreak.io/problems/not-found"));
    }

    @Test
    void malformedIdIsNotFoundNotAServerError() {
        given().auth().oauth2(TestTokens.of("carol", "crisis-manager"))
                .when().get("/api/crises/not-a-uuid")
                .then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }
}
