package io.firebreak.playbook.assignment;

import static io.firebreak.playbook.assignment.AssignmentResourceTest.activate;
import static io.firebreak.playbook.assignment.AssignmentResourceTest.assign;
import static io.firebreak.playbook.assignment.AssignmentResourceTest.crisisWith;
import static io.firebreak.playbook.assignment.AssignmentResourceTest.playbook;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.firebreak.devstack.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MeResourceTest {

    private static final String EMMA = TestTokens.of("emma", "employee");
    private static final String ED = TestTokens.of("ed", "employee");

    @Test
    void employeeReadsOwnAssignmentsOnly() {
        String crisisId = crisisWith(playbook());
        String mine = assign(crisisId, "emma", "spokesperson");
        String theirs = assign(crisisId, "ed", "it-liaison");

        given().auth().oauth2(EMMA)
                .when().get("/api/me/assignments")
                .then().statusCode(200)
                .body("id", hasItem(mine))
                .body("id", not(hasItem(theirs)))
                .body("find { it.id == '" + mine + "' }.crisisTitle", equalTo("Bank app down"))
                .body("find { it.id == '" + mine + "' }.tasks.title", hasItem("Draft the holding statement"));
    }

    @Test
    void employeeReadsTheirBriefingWithStrategyRoleAndTeam() {
        String crisisId = crisisWith(playbook());
        assign(crisisId, "emma", "spokesperson");
        assign(crisisId, "ed", "it-liaison");
        activate(crisisId);

        given().auth().oauth2(EMMA).accept(ContentType.JSON)
                .when().get("/api/me/briefings/" + crisisId)
                .then().statusCode(200)
                .body("strategy", startsWith("Acknowledge within 30 minutes"))
                .body("roles[0].role", equalTo("spokesperson"))
                .body("roles[0].responsibilities", hasItem("Speak for the bank"))
                .body("roles[0].tasks[1].dueAt", org.hamcrest.Matchers.notNullValue())
                .body("team[0].username", equalTo("ed"))
                .body("team[0].email", equalTo("ed@bank.example"))
                .body("team.size()", equalTo(1));
    }

    @Test
    void briefingIsAlsoAPrintablePage() {
        String crisisId = crisisWith(playbook());
        assign(crisisId, "emma", "spokesperson");
        assign(crisisId, "ed", "it-liaison");

        given().auth().oauth2(EMMA).accept(ContentType.HTML)
                .when().get("/api/me/briefings/" + crisisId)
                .then().statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("<h2>Your role: spokesperson</h2>"))
                .body(containsString("Acknowledge within 30 minutes"))
                .body(containsString("mailto:ed@bank.example"))
                .body(containsString("30 min after activation"));
    }

    @Test
    void employeeCannotReadSomeoneElsesBriefing() {
        String crisisId = crisisWith(playbook());
        assign(crisisId, "emma", "spokesperson");

        given().auth().oauth2(ED).accept(ContentType.JSON)
                .when().get("/api/me/briefings/" + crisisId)
                .then().statusCode(404);
        given().auth().oauth2(ED).accept(ContentType.HTML)
                .when().get("/api/me/briefings/" + crisisId)
                .then().statusCode(404);
        given().auth().oauth2(EMMA).accept(ContentType.JSON)
                .when().get("/api/me/briefings/" + UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void employeeCannotTickSomeoneElsesTask() {
        String crisisId = crisisWith(playbook());
        String assignmentId = assign(crisisId, "emma", "spokesperson");
        String taskId = given().auth().oauth2(AssignmentResourceTest.CAROL)
                .when().get("/api/crises/" + crisisId + "/assignments")
                .then().extract().path("find { it.id == '" + assignmentId + "' }.tasks[0].id");

        given().auth().oauth2(ED)
                .contentType(ContentType.JSON).body("{\"status\":\"DONE\"}")
                .when().put("/api/me/tasks/" + taskId + "/status")
                .then().statusCode(404);
        given().auth().oauth2(EMMA)
                .contentType(ContentType.JSON).body("{\"status\":\"DONE\"}")
                .when().put("/api/me/tasks/" + taskId + "/status")
                .then().statusCode(200);
    }

    @Test
    void withoutATokenIsUnauthorized() {
        given().when().get("/api/me/assignments").then().statusCode(401);
        given().when().get("/api/me/briefings/" + UUID.randomUUID()).then().statusCode(401);
    }

    @Test
    void aTokenWithoutTheEmployeeRoleIsForbidden() {
        String serviceToken = OidcWiremockTestResource.generateJwtToken("robot", Set.of("analyst"), "sub-robot",
                "Bearer");
        given().auth().oauth2(serviceToken).when().get("/api/me/assignments").then().statusCode(403);
        given().auth().oauth2(serviceToken).when().get("/api/me/briefings/" + UUID.randomUUID())
                .then().statusCode(403);
    }
}
