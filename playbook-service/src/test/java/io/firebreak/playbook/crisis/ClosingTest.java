package io.firebreak.playbook.crisis;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.firebreak.devstack.testing.TestTokens;
import io.firebreak.playbook.playbook.PlaybookFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClosingTest {

    private static final String CAROL = TestTokens.of("carol", "crisis-manager");

    private static String activeCrisis() {
        String playbook = PlaybookFixtures.create(PlaybookFixtures.bankOutage(UUID.randomUUID(), "HIGH"));
        String id = given().auth().oauth2(CAROL)
                .contentType(ContentType.JSON)
                .body("{\"title\":\"Bank app down\",\"severity\":\"HIGH\",\"playbookId\":\"" + playbook + "\"}")
                .when().post("/api/crises")
                .then().statusCode(201).extract().path("id");
        CrisisTransitionsTest.move(id, "activate", "confirmed");
        return id;
    }

    private static io.restassured.response.ValidatableResponse resolve(String id) {
        return given().auth().oauth2(CAROL)
                .contentType(ContentType.JSON).body("{\"reason\":\"service restored\"}")
                .when().post("/api/crises/" + id + "/resolve")
                .then();
    }

    @Test
    void resolvingWithoutAnApologyOrADecisionIsRefused() {
        String id = activeCrisis();
        resolve(id).statusCode(409)
                .body("type", equalTo("https://firebreak.io/problems/apology-required"));
        given().auth().oauth2(CAROL).when().get("/api/crises/" + id)
                .then().body("status", equalTo("ACTIVE"));
    }

    @Test
    void aRecordedDecisionNotToApologiseAllowsResolution() {
        String id = activeCrisis();
        given().auth().oauth2(CAROL)
                .contentType(ContentType.JSON).body("{\"reason\":\"third-party outage, already explained\"}")
                .when().post("/api/crises/" + id + "/no-apology")
                .then().statusCode(200)
                .body("noApology.reason", equalTo("third-party outage, already explained"))
                .body("noApology.decidedBy", equalTo("carol"));
        resolve(id).statusCode(200).body("status", equalTo("RESOLVED"));
    }

    @Test
    void anApprovedApologyAllowsResolution() {
        String id = activeCrisis();
        String statement = given().auth().oauth2(TestTokens.of("cole", "communicator"))
                .contentType(ContentType.JSON)
                .body("{\"phase\":\"APOLOGY\",\"channel\":\"x\",\"language\":\"en\",\"values\":{\"brand\":\"Acme\"}}")
                .when().post("/api/crises/" + id + "/statements")
                .then().statusCode(201)
                .body("text", equalTo("Acme apologises for Bank app down."))
                .extract().path("id");
        given().auth().oauth2(TestTokens.of("abe", "approver"))
                .contentType(ContentType.JSON).body("{\"channelIds\":[\"" + UUID.randomUUID() + "\"]}")
                .when().post("/api/statements/" + statement + "/approve")
                .then().statusCode(200);

        resolve(id).statusCode(200).body("status", equalTo("RESOLVED"));
    }

    @Test
    void theDecisionNeedsAReasonAndALiveCrisis() {
        String id = activeCrisis();
        given().auth().oauth2(CAROL)
                .contentType(ContentType.JSON).body("{}")
                .when().post("/api/crises/" + id + "/no-apology")
                .then().statusCode(400).body("errors.field", hasItem(org.hamcrest.Matchers.containsString("reason")));
        String proposed = CrisisTransitionsTest.propose(false);
        given().auth().oauth2(CAROL)
                .contentType(ContentType.JSON).body("{\"reason\":\"x\"}")
                .when().post("/api/crises/" + proposed + "/no-apology")
                .then().statusCode(409);
    }

    @Test
    void onlyCrisisManagersDecide() {
        String id = activeCrisis();
        given().contentType(ContentType.JSON).body("{\"reason\":\"x\"}")
                .when().post("/api/crises/" + id + "/no-apology").then().statusCode(401);
        given().auth().oauth2(TestTokens.of("abe", "approver"))
                .contentType(ContentType.JSON).body("{\"reason\":\"x\"}")
                .when().post("/api/crises/" + id + "/no-apology").then().statusCode(403);
    }
}
