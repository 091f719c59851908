package io.firebreak.playbook.assignment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.firebreak.devstack.testing.InfrastructureTestResource;
import io.firebreak.devstack.testing.TestTokens;
import io.firebreak.devstack.testing.TopicProbe;
import io.firebreak.events.Topics;
import io.firebreak.playbook.playbook.PlaybookFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AssignmentResourceTest {

    static final String CAROL = TestTokens.of("carol", "crisis-manager");
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** This crisis' event of that type: its earlier events may still be on their way when a probe starts. */
    static java.util.function.Predicate<JsonNode> event(String crisisId, String type) {
        return e -> e.path("data").path("crisisId").asText().equals(crisisId)
                && e.path("type").asText().equals("io.firebreak.playbook.crisis." + type);
    }

    static String playbook() {
        return PlaybookFixtures.create(PlaybookFixtures.bankOutage(UUID.randomUUID(), "HIGH"));
    }

    static String crisisWith(String playbookId) {
        String playbook = playbookId == null ? "" : ",\"playbookId\":\"" + playbookId + "\"";
        return given().auth().oauth2(CAROL)
                .contentType(ContentType.JSON)
                .body("{\"title\":\"Bank app down\",\"severity\":\"HIGH\"" + playbook + "}")
                .when().post("/api/crises")
                .then().statusCode(201).extract().path("id");
    }

    static String person(String user, String role, boolean backup) {
        return """
                {"role":"%s","backup":%s,
                 "person":{"subject":"%s","username":"%s","email":"%s@bank.example"}}"""
                .formatted(role, backup, TestTokens.subjectOf(user), user, user);
    }

    static String assign(String crisisId, String user, String role) {
        return given().auth().oauth2(CAROL)
                .contentType(ContentType.JSON).body(person(user, role, false))
                .when().post("/api/crises/" + crisisId + "/assignments")
                .then().statusCode(201).extract().path("id");
    }

    static void activate(String crisisId) {
        given().auth().oauth2(CAROL)
                .contentType(ContentType.JSON).body("{\"reason\":\"confirmed\"}")
                .when().post("/api/crises/" + crisisId + "/activate")
                .then().statusCode(200);
    }

    @Test
    void crisisManagerAssignsAPersonWithTheRoleChecklistAndEveryoneIsTold() {
        String crisisId = crisisWith(playbook());
        try (TopicProbe crises = TopicProbe.watch(InfrastructureTestResource.kafkaBootstrapServers(), Topics.CRISES)) {
            given().auth().oauth2(CAROL)
                    .contentType(ContentType.JSON).body(person("ivan", "it-liaison", false))
                    .when().post("/api/crises/" + crisisId + "/assignments")
                    .then().statusCode(201)
                    .body("subject", equalTo("sub-ivan"))
                    .body("assignedBy", equalTo("carol"))
                    .body("tasks.title", org.hamcrest.Matchers.contains("Give a first estimate", "Confirm restoration"))
                    .body("tasks[0].dueAt", nullValue());

            JsonNode event = crises.awaitEvent(event(crisisId, "reassigned"), WAIT);
            assertThat(event.path("data").path("assignments").get(0).path("subject").asText()).isEqualTo("sub-ivan");
            assertThat(event.path("data").path("assignments").get(0).path("email").asText())
                    .isEqualTo("ivan@bank.example");
        }

        activate(crisisId);
        given().auth().oauth2(TestTokens.of("ada", "admin"))
                .when().get("/api/crises/" + crisisId + "/assignments")
                .then().statusCode(200)
                .body("[0].role", equalTo("it-liaison"))
                .body("[0].tasks[0].dueAt", notNullValue())
                .body("[0].tasks[0].status", equalTo("OPEN"));
    }

    @Test
    void standingHoldersJoinTheCrisisOnActivationAndTheEventCarriesThem() {
        String playbookId = playbook();
        given().auth().oauth2(CAROL)
                .contentType(ContentType.JSON).body(person("sam", "spokesperson", false))
                .when().post("/api/playbooks/" + playbookId + "/holders")
                .then().statusCode(201).body("role", equalTo("spokesperson"));
        given().auth().oauth2(TestTokens.of("ada", "admin"))
                .contentType(ContentType.JSON).body(person("bea", "spokesperson", true))
                .when().post("/api/playbooks/" + playbookId + "/holders")
                .then().statusCode(201);
        given().auth().oauth2(CAROL)
                .when().get("/api/playbooks/" + playbookId + "/holders")
                .then().statusCode(200).body("subject", containsInAnyOrder("sub-sam", "sub-bea"));
        String crisisId = crisisWith(playbookId);

        try (TopicProbe crises = TopicProbe.watch(InfrastructureTestResource.kafkaBootstrapServers(), Topics.CRISES)) {
            activate(crisisId);
            JsonNode event = crises.awaitEvent(event(crisisId, "active"), WAIT);
            List<String> subjects = event.path("data").path("assignments").findValuesAsText("subject");
            assertThat(subjects).containsExactlyInAnyOrder("sub-sam", "sub-bea");
            assertThat(event.path("data").path("assignments").findValues("backup").stream()
                    .map(JsonNode::asBoolean).toList()).containsExactlyInAnyOrder(true, false);
        }
        given().auth().oauth2(CAROL)
                .when().get("/api/crises/" + crisisId + "/assignments")
                .then().statusCode(200)
                .body("subject", containsInAnyOrder("sub-sam", "sub-bea"))
                .body("assignedBy", hasItem("carol"));
    }

    @Test
    void overdueTasksShowOnTheCrisisUntilDone() {
        String crisisId = crisisWith(playbook());
        assign(crisisId, "emma", "spokesperson");
        activate(crisisId);

        // "Acknowledge the alert" is due at activation: overdue from the next millisecond on.
        String taskId = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(
                () -> given().auth().oauth2(CAROL).when().get("/api/crises/" + crisisId)
                        .then().statusCode(200).extract().jsonPath()
                        .<String>getList("overdueTasks.taskId").stream().findFirst().orElse(null),
                java.util.Objects::nonNull);
        given().auth().oauth2(CAROL).when().get("/api/crises/" + crisisId)
                .then().body("overdueTasks[0].title", equalTo("Acknowledge the alert"))
                .body("overdueTasks[0].subject", equalTo("sub-emma"))
                .body("overdueTasks.size()", equalTo(1));

        given().auth().oauth2(TestTokens.of("emma", "employee"))
                .contentType(ContentType.JSON).body("{\"status\":\"DONE\"}")
                .when().put("/api/me/tasks/" + taskId + "/status")
                .then().statusCode(200)
                .body("status", equalTo("DONE"))
                .body("doneBy", equalTo("sub-emma"))
                .body("overdue", equalTo(false));
        given().auth().oauth2(CAROL).when().get("/api/crises/" + crisisId)
                .then().body("overdueTasks", empty());
    }

    @Test
    void unknownRoleIsRejectedNamingTheField() {
        String crisisId = crisisWith(playbook());
        given().auth().oauth2(CAROL)
                .contentType(ContentType.JSON).body(person("ivan", "astrologer", false))
                .when().post("/api/crises/" + crisisId + "/assignments")
                .then().statusCode(400)
                .body("errors.field", hasItem("role"));
    }

    @Test
    void missingSubjectIsRejectedNamingTheField() {
        String crisisId = crisisWith(playbook());
        given().auth().oauth2(CAROL)
                .contentType(ContentType.JSON).body("{\"role\":\"spokesperson\",\"person\":{\"username\":\"x\"}}")
                .when().post("/api/crises/" + crisisId + "/assignments")
                .then().statusCode(400)
                .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("subject")));
    }

    @Test
    void crisisWithoutPlaybookHasNoRolesToAssign() {
        String crisisId = crisisWith(null);
        given().auth().oauth2(CAROL)
                .contentType(ContentType.JSON).body(person("ivan", "spokesperson", false))
                .when().post("/api/crises/" + crisisId + "/assignments")
                .then().statusCode(409)
                .body("type", equalTo("https://firebreak.io/problems/no-playbook"));
    }

    @Test
    void assigningTheSamePersonTwiceIsAConflict() {
        String crisisId = crisisWith(playbook());
        assign(crisisId, "ivan", "it-liaison");
        given().auth().oauth2(CAROL)
                .contentType(ContentType.JSON).body(person("ivan", "it-liaison", false))
                .when().post("/api/crises/" + crisisId + "/assignments")
                .then().statusCode(409);
    }

    @Test
    void unassignedPersonLeavesTheCrisis() {
        String crisisId = crisisWith(playbook());
        String assignmentId = assign(crisisId, "ivan", "it-liaison");
        assign(crisisId, "sam", "spokesperson");
        try (TopicProbe crises = TopicProbe.watch(InfrastructureTestResource.kafkaBootstrapServers(), Topics.CRISES)) {
            given().auth().oauth2(CAROL)
                    .when().delete("/api/crises/" + crisisId + "/assignments/" + assignmentId)
                    .then().statusCode(204);
            JsonNode event = crises.awaitEvent(event(crisisId, "reassigned")
                    .and(e -> e.path("data").path("reason").asText().startsWith("unassigned")), WAIT);
            assertThat(event.path("data").path("assignments").findValuesAsText("subject"))
                    .containsExactly("sub-sam");
        }
        given().auth().oauth2(CAROL)
                .when().get("/api/crises/" + crisisId + "/assignments")
                .then().body("subject", org.hamcrest.Matchers.contains("sub-sam"));
        given().auth().oauth2(CAROL)
                .when().delete("/api/crises/" + crisisId + "/assignments/" + assignmentId)
                .then().statusCode(404);
    }

    @Test
    void unknownCrisisIsNotFound() {
        given().auth().oauth2(CAROL)
                .when().get("/api/crises/" + UUID.randomUUID() + "/assignments")
                .then().statusCode(404);
        given().auth().oauth2(CAROL)
                .contentType(ContentType.JSON).body(person("ivan", "it-liaison", false))
                .when().post("/api/crises/" + UUID.randomUUID() + "/assignments")
                .then().statusCode(404);
    }

    @Test
    void onlyCrisisManagersAndAdminsAssignOrSeeAssignments() {
        String playbookId = playbook();
        String crisisId = crisisWith(playbookId);
        String path = "/api/crises/" + crisisId + "/assignments";
        given().when().get(path).then().statusCode(401);
        given().contentType(ContentType.JSON).body(person("ivan", "it-liaison", false))
                .when().post(path).then().statusCode(401);
        for (String token : List.of(TestTokens.of("cole", "communicator"), TestTokens.of("emma", "employee"),
                TestTokens.of("abe", "approver"))) {
            given().auth().oauth2(token).when().get(path).then().statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON).body(person("ivan", "it-liaison", false))
                    .when().post(path).then().statusCode(403);
            given().auth().oauth2(token).when().delete(path + "/" + UUID.randomUUID()).then().statusCode(403);
            given().auth().oauth2(token).when().get("/api/playbooks/" + playbookId + "/holders")
                    .then().statusCode(403);
        }
        given().auth().oauth2(TestTokens.of("ada", "admin"))
                .contentType(ContentType.JSON).body(person("ivan", "it-liaison", false))
                .when().post(path).then().statusCode(201);
    }
}
