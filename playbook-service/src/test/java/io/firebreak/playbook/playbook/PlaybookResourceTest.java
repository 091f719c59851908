package io.firebreak.playbook.playbook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.firebreak.devstack.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PlaybookResourceTest {

    private static final String ADMIN = TestTokens.of("ada", "admin");

    @Test
    void adminCreatesAPlaybookAsVersionOne() {
        given().auth().oauth2(ADMIN)
                .contentType(ContentType.JSON).body(PlaybookFixtures.bankOutage(UUID.randomUUID(), "HIGH"))
                .when().post("/api/playbooks")
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("version", equalTo(1))
                .body("createdBy", equalTo("ada"))
                .body("definition.scenario.type", equalTo("OUTAGE"))
                .body("definition.roles.name", hasItem("it-liaison"))
                .body("definition.roles[1].tasks[1].dueOffsetMinutes", equalTo(240));
    }

    @Test
    void editingMakesANewVersionAndKeepsTheOldOne() {
        UUID watch = UUID.randomUUID();
        String id = PlaybookFixtures.create(PlaybookFixtures.bankOutage(watch, "HIGH"));
        String edited = PlaybookFixtures.bankOutage(watch, "CRITICAL").replace("Bank app outage", "Bank outage");

        given().auth().oauth2(ADMIN)
                .contentType(ContentType.JSON).body(edited)
                .when().put("/api/playbooks/" + id)
                .then().statusCode(200)
                .body("version", equalTo(2))
                .body("currentVersion", equalTo(2));

        given().auth().oauth2(TestTokens.of("carol", "crisis-manager"))
                .when().get("/api/playbooks/" + id + "/versions/1")
                .then().statusCode(200)
                .body("currentVersion", equalTo(2))
                .body("definition.scenario.name", equalTo("Bank app outage"))
                .body("definition.triggers[0].minSeverity", equalTo("HIGH"));
        given().auth().oauth2(TestTokens.of("cole", "communicator"))
                .when().get("/api/playbooks/" + id)
                .then().statusCode(200)
                .body("version", equalTo(2))
                .body("definition.scenario.name", equalTo("Bank outage"));
        given().auth().oauth2(TestTokens.of("abe", "approver"))
                .when().get("/api/playbooks")
                .then().statusCode(200)
                .body("find { it.id == '" + id + "' }.currentVersion", equalTo(2));
    }

    @Test
    void unknownPlaceholderIsRejectedNamingTheTemplate() {
        String body = PlaybookFixtures.bankOutage(UUID.randomUUID(), "HIGH").replace("{{link}}", "{{website}}");
        given().auth().oauth2(ADMIN)
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/playbooks")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://firebreak.io/problems/invalid-playbook"))
                .body("errors.field", hasItem("templates[0].text"))
                .body("detail", org.hamcrest.Matchers.containsString("{{website}}"));
    }

    @Test
    void missingApologyTemplateIsRejected() {
        String body = PlaybookFixtures.bankOutage(UUID.randomUUID(), "HIGH").replace("\"APOLOGY\"", "\"UPDATE\"");
        given().auth().oauth2(ADMIN)
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/playbooks")
                .then().statusCode(400)
                .body("errors.field", hasItem("templates"));
    }

    @Test
    void roleWithoutResponsibilitiesIsRejectedAndNothingIsStored() {
        String id = PlaybookFixtures.create(PlaybookFixtures.bankOutage(UUID.randomUUID(), "HIGH"));
        String body = PlaybookFixtures.bankOutage(UUID.randomUUID(), "HIGH")
                .replace("[\"Report restoration times\"]", "[]");
        given().auth().oauth2(ADMIN)
                .contentType(ContentType.JSON).body(body)
                .when().put("/api/playbooks/" + id)
                .then().statusCode(400)
                .body("errors.field", hasItem("roles[1].responsibilities"));

        given().auth().oauth2(ADMIN)
                .when().get("/api/playbooks/" + id)
                .then().statusCode(200)
                .body("version", equalTo(1));
    }

    @Test
    void emptyBodyIsABadRequestNotAServerError() {
        given().auth().oauth2(ADMIN)
                .contentType(ContentType.JSON).body("{}")
                .when().post("/api/playbooks")
                .then().statusCode(400)
                .body("errors.field", hasItem("scenario"))
                .body("errors.field", hasItem("roles"));
    }

    @Test
    void unknownPlaybookOrVersionIsNotFound() {
        given().auth().oauth2(ADMIN)
                .when().get("/api/playbooks/" + UUID.randomUUID())
                .then().statusCode(404);
        String id = PlaybookFixtures.create(PlaybookFixtures.bankOutage(UUID.randomUUID(), "HIGH"));
        given().auth().oauth2(ADMIN)
                .when().get("/api/playbooks/" + id + "/versions/7")
                .then().statusCode(404);
        given().auth().oauth2(ADMIN)
                .contentType(ContentType.JSON).body(PlaybookFixtures.bankOutage(UUID.randomUUID(), "HIGH"))
                .when().put("/api/playbooks/" + UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void writingWithoutATokenIsUnauthorized() {
        given().contentType(ContentType.JSON).body(PlaybookFixtures.bankOutage(UUID.randomUUID(), "HIGH"))
                .when().post("/api/playbooks")
                .then().statusCode(401);
        given().when().get("/api/playbooks").then().statusCode(401);
    }

    @Test
    void onlyAdminsWritePlaybooks() {
        given().auth().oauth2(TestTokens.of("carol", "crisis-manager"))
                .contentType(ContentType.JSON).body(PlaybookFixtures.bankOutage(UUID.randomUUID(), "HIGH"))
                .when().post("/api/playbooks")
                .then().statusCode(403);
        String id = PlaybookFixtures.create(PlaybookFixtures.bankOutage(UUID.randomUUID(), "HIGH"));
        given().auth().oauth2(TestTokens.of("cole", "communicator"))
                .contentType(ContentType.JSON).body(PlaybookFixtures.bankOutage(UUID.randomUUID(), "HIGH"))
                .when().put("/api/playbooks/" + id)
                .then().statusCode(403);
    }

    @Test
    void employeesAndAnalystsDoNotReadPlaybooks() {
        given().auth().oauth2(TestTokens.of("emma", "employee"))
                .when().get("/api/playbooks")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.of("anna", "analyst"))
                .when().get("/api/playbooks")
                .then().statusCode(403)
                .body("type", not(equalTo("")));
    }
}
