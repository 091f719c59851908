package io.firebreak.playbook.review;

import static io.firebreak.playbook.review.ReviewFixtures.CAROL;
import static io.firebreak.playbook.review.ReviewFixtures.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReviewResourceTest {

    private static final String ANNA = TestTokens.of("anna", "analyst");
    private static final String ADA = TestTokens.of("ada", "admin");
    private static final LocalDate NEXT_MONTH = LocalDate.now(ZoneOffset.UTC).plusMonths(1);

    private static String actionItem(String crisisId, String title, String owner, LocalDate due) {
        return "{\"title\":\"" + title + "\",\"owner\":\"" + owner + "\",\"dueDate\":\"" + due + "\"}";
    }

    private static String idOf(String json) {
        return io.restassured.path.json.JsonPath.from(json).getString("id");
    }

    @Test
    void reviewOfAResolvedCrisisShowsKeyTimesErrorsActionItemsLessonsAndTheTimeline() {
        String playbook = ReviewFixtures.playbook();
        String id = ReviewFixtures.resolvedCrisis(playbook);
        String review = "/api/crises/" + id + "/review";

        post(CAROL, review + "/errors",
                "{\"what\":\"Holding statement went out 2 hours late\",\"impact\":\"Customers learnt it from the press\"}",
                201);
        post(ADA, review + "/action-items", actionItem(id, "Pre-approve the outage holding statement", "cole",
                NEXT_MONTH), 201);
        post(CAROL, review + "/lessons", "{\"text\":\"Name a backup spokesperson\"}", 201);

        given().auth().oauth2(ANNA)
                .when().get(review)
                .then().statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("playbookId", equalTo(playbook))
                .body("playbookVersion", equalTo(1))
                .body("reviewedAt", nullValue())
                .body("keyTimes.detectedAt", notNullValue())
                .body("keyTimes.proposedAt", notNullValue())
                .body("keyTimes.activatedAt", notNullValue())
                .body("keyTimes.resolvedAt", notNullValue())
                .body("keyTimes.firstStatementPublishedAt", nullValue())
                .body("keyTimes.detectToResolve", notNullValue())
                .body("errors.what", contains("Holding statement went out 2 hours late"))
                .body("errors[0].impact", equalTo("Customers learnt it from the press"))
                .body("errors[0].recordedBy", equalTo("carol"))
                .body("actionItems[0].title", equalTo("Pre-approve the outage holding statement"))
                .body("actionItems[0].owner", equalTo("cole"))
                .body("actionItems[0].dueDate", equalTo(NEXT_MONTH.toString()))
                .body("actionItems[0].status", equalTo("OPEN"))
                .body("actionItems[0].createdBy", equalTo("ada"))
                .body("lessons[0].text", equalTo("Name a backup spokesperson"))
                .body("lessons[0].playbookId", equalTo(playbook))
                .body("timeline.kind", hasItem("decision"))
                .body("timeline[-1].summary", equalTo("ACTIVE → RESOLVED: restored"));
    }

    @Test
    void actionItemsAreUpdatedAndCompletedEvenAfterTheReview() {
        String id = ReviewFixtures.resolvedCrisis(ReviewFixtures.playbook());
        String review = "/api/crises/" + id + "/review";
        String first = idOf(post(CAROL, review + "/action-items", actionItem(id, "Fix paging", "ivy", NEXT_MONTH),
                201));
        String second = idOf(post(CAROL, review + "/action-items", actionItem(id, "Drill twice a year", "carol",
                NEXT_MONTH), 201));

        given().auth().oauth2(ADA).contentType(ContentType.JSON)
                .body(actionItem(id, "Fix SMS paging", "sam", NEXT_MONTH.plusDays(7)))
                .when().put(review + "/action-items/" + first)
                .then().statusCode(200)
                .body("title", equalTo("Fix SMS paging"))
                .body("owner", equalTo("sam"))
                .body("dueDate", equalTo(NEXT_MONTH.plusDays(7).toString()))
                .body("updatedBy", equalTo("ada"));
        post(CAROL, review + "/action-items/" + first + "/complete", "{}", 200);
        given().auth().oauth2(CAROL).contentType(ContentType.JSON).body("{}")
                .when().post(review + "/action-items/" + first + "/complete")
                .then().statusCode(409)
                .body("type", equalTo("https://firebreak.io/problems/action-item-done"));

        post(CAROL, review + "/complete", "{\"summary\":\"done\"}", 200);
        given().auth().oauth2(CAROL).contentType(ContentType.JSON).body("{}")
                .when().post(review + "/action-items/" + second + "/complete")
                .then().statusCode(200)
                .body("status", equalTo("DONE"))
                .body("completedBy", equalTo("carol"));
        given().auth().oauth2(ANNA).when().get(review)
                .then().statusCode(200)
                .body("actionItems.status", contains("DONE", "DONE"));
    }

    @Test
    void completingTheReviewMakesTheCrisisReviewedAndAnnouncesIt() {
        String id = ReviewFixtures.resolvedCrisis(ReviewFixtures.playbook());
        String review = "/api/crises/" + id + "/review";
        try (TopicProbe crises = TopicProbe.watch(InfrastructureTestResource.kafkaBootstrapServers(), Topics.CRISES)) {
            given().auth().oauth2(CAROL).contentType(ContentType.JSON)
                    .body("{\"summary\":\"Reviewed with the whole team\"}")
                    .when().post(review + "/complete")
                    .then().statusCode(200)
                    .body("status", equalTo("REVIEWED"))
                    .body("reviewedBy", equalTo("carol"))
                    .body("reviewedAt", notNullValue())
                    .body("keyTimes.reviewedAt", notNullValue());
            JsonNode event = crises.awaitEvent(e -> e.path("data").path("crisisId").asText().equals(id)
                    && e.path("type").asText().endsWith(".reviewed"), Duration.ofSeconds(30));
            assertThat(event.path("data").path("status").asText()).isEqualTo("REVIEWED");
            assertThat(event.path("data").path("reason").asText()).isEqualTo("Reviewed with the whole team");
        }
        given().auth().oauth2(CAROL).when().get("/api/crises/" + id)
                .then().body("status", equalTo("REVIEWED"))
                .body("transitions[-1].actor", equalTo("carol"));

        given().auth().oauth2(CAROL).contentType(ContentType.JSON)
                .body("{\"what\":\"late\",\"impact\":\"some\"}")
                .when().post(review + "/errors")
                .then().statusCode(409)
                .body("type", equalTo("https://firebreak.io/problems/review-completed"));
        given().auth().oauth2(CAROL).contentType(ContentType.JSON).body("{}")
                .when().post(review + "/complete")
                .then().statusCode(409)
                .body("type", equalTo("https://firebreak.io/problems/invalid-transition"));
    }

    @Test
    void aCrisisThatIsNotResolvedHasNoReviewYet() {
        String id = ReviewFixtures.activeCrisis(ReviewFixtures.playbook());
        String review = "/api/crises/" + id + "/review";

        given().auth().oauth2(ANNA).when().get(review)
                .then().statusCode(409)
                .body("type", equalTo("https://firebreak.io/problems/crisis-not-resolved"));
        given().auth().oauth2(CAROL).contentType(ContentType.JSON)
                .body("{\"what\":\"late\",\"impact\":\"some\"}")
                .when().post(review + "/errors")
                .then().statusCode(409)
                .body("type", equalTo("https://firebreak.io/problems/crisis-not-resolved"));
        given().auth().oauth2(CAROL).contentType(ContentType.JSON).body("{\"text\":\"x\"}")
                .when().post(review + "/lessons")
                .then().statusCode(409);
        given().auth().oauth2(CAROL).contentType(ContentType.JSON).body("{}")
                .when().post(review + "/complete")
                .then().statusCode(409)
                .body("type", equalTo("https://firebreak.io/problems/invalid-transition"));
        given().auth().oauth2(CAROL).when().get("/api/crises/" + id)
                .then().body("status", equalTo("ACTIVE"));
    }

    @Test
    void invalidReviewInputIsRefusedNamingTheField() {
        String id = ReviewFixtures.resolvedCrisis(ReviewFixtures.playbook());
        String review = "/api/crises/" + id + "/review";

        given().auth().oauth2(CAROL).contentType(ContentType.JSON).body("{\"what\":\" \",\"impact\":\"some\"}")
                .when().post(review + "/errors")
                .then().statusCode(400)
                .body("errors.field", hasItem("what"));
        given().auth().oauth2(CAROL).contentType(ContentType.JSON)
                .body(actionItem(id, "Fix paging", "ivy", LocalDate.now(ZoneOffset.UTC).minusDays(2)))
                .when().post(review + "/action-items")
                .then().statusCode(400)
                .body("errors.field", hasItem("dueDate"));
        given().auth().oauth2(CAROL).contentType(ContentType.JSON)
                .body("{\"title\":\"Fix paging\",\"dueDate\":\"" + NEXT_MONTH + "\"}")
                .when().post(review + "/action-items")
                .then().statusCode(400)
                .body("errors.field", hasItem("owner"));
        given().auth().oauth2(CAROL).contentType(ContentType.JSON)
                .body(actionItem(id, "Fix paging", "ivy", NEXT_MONTH))
                .when().put(review + "/action-items/" + UUID.randomUUID())
                .then().statusCode(404);
        given().auth().oauth2(CAROL).contentType(ContentType.JSON).body("{\"text\":\"x\"}")
                .when().post("/api/crises/" + UUID.randomUUID() + "/review/lessons")
                .then().statusCode(404);
        given().auth().oauth2(ANNA).when().get("/api/crises/" + UUID.randomUUID() + "/review")
                .then().statusCode(404);

        given().auth().oauth2(ANNA).when().get(review)
                .then().statusCode(200)
                .body("errors", hasSize(0))
                .body("actionItems", hasSize(0));
    }

    @Test
    void actionItemOfAnotherCrisisIsNotFound() {
        String playbook = ReviewFixtures.playbook();
        String mine = ReviewFixtures.resolvedCrisis(playbook);
        String other = ReviewFixtures.resolvedCrisis(playbook);
        String item = idOf(post(CAROL, "/api/crises/" + other + "/review/action-items",
                actionItem(other, "Fix paging", "ivy", NEXT_MONTH), 201));
        given().auth().oauth2(CAROL).contentType(ContentType.JSON).body("{}")
                .when().post("/api/crises/" + mine + "/review/action-items/" + item + "/complete")
                .then().statusCode(404);
    }

    @Test
    void lessonsShowOnThePlaybookUntilItsNextVersionAddressesThem() {
        String playbook = ReviewFixtures.playbook();
        String id = ReviewFixtures.resolvedCrisis(playbook);
        String lesson = idOf(post(CAROL, "/api/crises/" + id + "/review/lessons",
                "{\"text\":\"Name a backup spokesperson\"}", 201));
        String other = idOf(post(CAROL, "/api/crises/" + id + "/review/lessons",
                "{\"text\":\"Translate the holding statement\"}", 201));

        given().auth().oauth2(ADA).when().get("/api/playbooks/" + playbook)
                .then().statusCode(200)
                .body("openLessons.text", contains("Name a backup spokesperson", "Translate the holding statement"))
                .body("openLessons[0].crisisId", equalTo(id))
                .body("openLessons[0].learntInVersion", equalTo(1));

        given().auth().oauth2(ADA).contentType(ContentType.JSON)
                .body(PlaybookFixtures.bankOutage(UUID.randomUUID(), "HIGH"))
                .queryParam("addresses", UUID.randomUUID().toString())
                .when().put("/api/playbooks/" + playbook)
                .then().statusCode(400)
                .body("errors.field", hasItem("addresses"));
        given().auth().oauth2(ADA).when().get("/api/playbooks/" + playbook)
                .then().body("currentVersion", equalTo(1));

        given().auth().oauth2(ADA).contentType(ContentType.JSON)
                .body(PlaybookFixtures.bankOutage(UUID.randomUUID(), "HIGH"))
                .queryParam("addresses", lesson)
                .when().put("/api/playbooks/" + playbook)
                .then().statusCode(200)
                .body("version", equalTo(2))
                .body("addressedLessons.id", contains(lesson))
                .body("addressedLessons[0].addressedBy", equalTo("ada"))
                .body("openLessons.id", contains(other));

        given().auth().oauth2(TestTokens.of("cole", "communicator")).when().get("/api/playbooks/" + playbook)
                .then().statusCode(200)
                .body("version", equalTo(2))
                .body("openLessons.id", contains(other));
        given().auth().oauth2(ADA).when().get("/api/playbooks/" + playbook + "/versions/2")
                .then().body("addressedLessons.text", contains("Name a backup spokesperson"));
        given().auth().oauth2(ANNA).when().get("/api/crises/" + id + "/review")
                .then().body("lessons.find { it.id == '" + lesson + "' }.addressedInVersion", equalTo(2));
    }
}
