package io.firebreak.playbook.review;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.firebreak.devstack.testing.TestTokens;
import io.firebreak.playbook.playbook.PlaybookFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TimelineResourceTest {

    private static final String CAROL = TestTokens.of("carol", "crisis-manager");

    private static void post(String token, String path, String body, int status) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post(path).then().statusCode(status);
    }

    @Test
    void timelineMergesTransitionsAssignmentsStatementsAndTheApologyDecision() {
        String playbook = PlaybookFixtures.create(PlaybookFixtures.bankOutage(UUID.randomUUID(), "HIGH"));
        String id = given().auth().oauth2(CAROL)
                .contentType(ContentType.JSON)
                .body("{\"title\":\"Bank app down\",\"severity\":\"HIGH\",\"playbookId\":\"" + playbook + "\"}")
                .when().post("/api/crises")
                .then().statusCode(201).extract().path("id");
        post(CAROL, "/api/crises/" + id + "/activate", "{\"reason\":\"confirmed\"}", 200);
        post(CAROL, "/api/crises/" + id + "/assignments",
                "{\"role\":\"spokesperson\",\"person\":{\"subject\":\"sub-sam\",\"username\":\"sam\"}}", 201);
        String statement = given().auth().oauth2(TestTokens.of("cole", "communicator"))
                .contentType(ContentType.JSON)
                .body("{\"phase\":\"HOLDING\",\"channel\":\"x\",\"language\":\"en\",\"text\":\"We are on it.\"}")
                .when().post("/api/crises/" + id + "/statements")
                .then().statusCode(201).extract().path("id");
        post(TestTokens.of("abe", "approver"), "/api/statements/" + statement + "/approve",
                "{\"channelIds\":[\"" + UUID.randomUUID() + "\"]}", 200);
        post(CAROL, "/api/crises/" + id + "/no-apology", "{\"reason\":\"supplier fault, explained\"}", 200);
        post(CAROL, "/api/crises/" + id + "/resolve", "{\"reason\":\"restored\"}", 200);

        given().auth().oauth2(TestTokens.of("anna", "analyst"))
                .when().get("/api/crises/" + id + "/timeline")
                .then().statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("entries.kind", contains("transition", "transition", "assignment", "statement", "tone-check",
                        "statement", "decision", "transition"))
                .body("entries.summary", hasItem("sub-sam assigned as spokesperson"))
                .body("entries[-1].actor", equalTo("carol"))
                .body("keyTimes.activatedAt", notNullValue())
                .body("keyTimes.firstStatementAt", notNullValue())
                .body("keyTimes.resolvedAt", notNullValue())
                .body("keyTimes.activateToResolve", notNullValue());
    }

    @Test
    void timelineIsForTheCrisisTeamOnly() {
        given().when().get("/api/crises/" + UUID.randomUUID() + "/timeline").then().statusCode(401);
        given().auth().oauth2(TestTokens.of("emma", "employee"))
                .when().get("/api/crises/" + UUID.randomUUID() + "/timeline").then().statusCode(403);
        given().auth().oauth2(CAROL)
                .when().get("/api/crises/" + UUID.randomUUID() + "/timeline").then().statusCode(404);
    }
}
