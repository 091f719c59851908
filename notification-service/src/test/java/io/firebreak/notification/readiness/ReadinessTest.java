package io.firebreak.notification.readiness;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.firebreak.devstack.testing.TestTokens;
import io.firebreak.events.Assignment;
import io.firebreak.events.Severity;
import io.firebreak.notification.CrisisEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReadinessTest {

    private static List<Map<String, Object>> warningsAbout(UUID crisisId) {
        return given().auth().oauth2(TestTokens.of("carol", "crisis-manager"))
                .when().get("/api/readiness")
                .then().statusCode(200)
                .extract().path("findAll { it.crisisId == '" + crisisId + "' }");
    }

    @Test
    void holdersWithoutAddressAndStepsThatPageNobodyAreListed() throws Exception {
        given().auth().oauth2(TestTokens.of("ada", "admin")).contentType(ContentType.JSON)
                .body(Map.of("rounds", 1, "steps", List.of(
                        Map.of("target", "PRIMARY", "waitMinutes", 10),
                        Map.of("target", "BACKUP", "waitMinutes", 10),
                        Map.of("target", "CRISIS_MANAGER", "waitMinutes", 10))))
                .when().put("/api/escalation-policies/MEDIUM")
                .then().statusCode(200);
        Assignment withoutEmail = new Assignment(TestTokens.subjectOf("cyd"), "cyd", null, "Press officer", false);
        UUID crisisId = CrisisEvents.activate(Severity.MEDIUM, withoutEmail);
        CrisisEvents.notificationOf("cyd", crisisId);

        await().atMost(CrisisEvents.WAIT).until(() -> warningsAbout(crisisId).size(), count -> count == 3);
        given().auth().oauth2(TestTokens.of("carol", "crisis-manager"))
                .when().get("/api/readiness")
                .then().statusCode(200)
                .body("find { it.crisisId == '" + crisisId + "' && it.kind == 'NO_CONTACT_POINT' }.subject",
                        equalTo(TestTokens.subjectOf("cyd")))
                .body("findAll { it.crisisId == '" + crisisId + "' && it.kind == 'STEP_NEVER_FIRES' }.detail",
                        hasItems("step 1 pages the BACKUP of Press officer, and nobody holds that",
                                "step 2 pages the CRISIS_MANAGER of Press officer, and nobody holds that"));
    }

    @Test
    void readinessIsForCrisisManagersAndAdmins() {
        given().when().get("/api/readiness").then().statusCode(401);
        given().auth().oauth2(TestTokens.of("oscar", "employee")).when().get("/api/readiness")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.of("ada", "admin")).when().get("/api/readiness")
                .then().statusCode(200);
    }
}
