package io.firebreak.monitoring.mention;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.firebreak.devstack.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MentionInboxResourceTest {

    private static final String ANALYST = TestTokens.of("ana", "analyst");
    /** What playbook-service's client-credentials token carries. */
    private static final String PLAYBOOK_SERVICE = TestTokens.of("service-account-playbook-service", "analyst",
            "communicator", "employee");
    private static final String COMMUNICATOR = TestTokens.of("carla", "communicator");
    private static final String CRISIS_MANAGER = TestTokens.of("cris", "crisis-manager");
    private static final String EMPLOYEE = TestTokens.of("emma", "employee");

    /** One watch with four mentions whose priorities are far apart, stored once for the class. */
    private static Inbox inbox;

    private record Inbox(String watchId, String run, Instant now, List<String> mentionIds) {
        String id(String name) {
            return run + "-" + name;
        }
    }

    private static synchronized Inbox inbox() {
        if (inbox != null) {
            return inbox;
        }
        String brand = "inbox" + UUID.randomUUID().toString().substring(0, 8);
        String watchId = given().auth().oauth2(ANALYST)
                .contentType(ContentType.JSON).body("""
                        {"name":"%s","query":"%s","languages":[]}""".formatted(brand, brand))
                .when().post("/api/watches")
                .then().statusCode(201)
                .extract().path("id");
        String run = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // angry: huge reach, negative, asks, an hour old; review: positive, mid reach, two hours old;
        // store: no audience, fresh; old: negative and mid reach, but three days old.
        String batch = "{\"mentions\":[%s,%s,%s,%s]}".formatted(
                mention(run + "-store", "mastodon", "@shop", brand + " ouvre une boutique à Lyon", "fr",
                        now.minus(Duration.ofMinutes(10)), 0),
                mention(run + "-old", "mastodon", "@someone", brand + " est nul, encore en panne 😡", "fr",
                        now.minus(Duration.ofDays(3)), 1000),
                mention(run + "-angry", "mastodon", "@angry", "Pourquoi " + brand
                        + " est encore en panne ? Service nul, c'est une honte 😡", "fr", now.minus(Duration.ofHours(1)),
                        100_000),
                mention(run + "-review", "bluesky", "@fan", "I love the new " + brand + " app, great work!", "en",
                        now.minus(Duration.ofHours(2)), 1000));
        List<String> ids = given().auth().oauth2(ANALYST)
                .contentType(ContentType.JSON).body(batch)
                .when().post("/api/mentions")
                .then().statusCode(200)
                .body("accepted", hasSize(4))
                .extract().path("accepted.mentionId");
        inbox = new Inbox(watchId, run, now, ids);
        return inbox;
    }

    private static String mention(String externalId, String source, String author, String text, String language,
                                  Instant published, long reach) {
        return """
                {"source":"%s","externalId":"%s","author":"%s","text":"%s","language":"%s",
                 "url":"https://example.org/%s","publishedAt":"%s","reach":%d,"engagement":0}"""
                .formatted(source, externalId, author, text, language, externalId, published, reach);
    }

    @Test
    void theMostUrgentComeFirst() {
        Inbox inbox = inbox();

        List<Float> priorities = given().auth().oauth2(ANALYST)
                .queryParam("watch", inbox.watchId())
                .when().get("/api/mentions")
                .then().statusCode(200)
                .body("externalId", contains(inbox.id("angry"), inbox.id("review"), inbox.id("store"),
                        inbox.id("old")))
                .body("[0].question", equalTo(true))
                .body("[0].sentimentLabel", equalTo("negative"))
                .body("[0].author", equalTo("@angry"))
                .body("[0].source", equalTo("mastodon"))
                .body("[0].reach", equalTo(100_000))
                .body("[0].watchIds", contains(inbox.watchId()))
                .body("[1].question", equalTo(false))
                .body("[1].sentimentLabel", equalTo("positive"))
                .extract().path("priority");

        assertThat(priorities).isSortedAccordingTo((a, b) -> Float.compare(b, a));
        // A hundred thousand readers (5), negative (1 + its score), a question (1.5), an hour old (-1/6).
        assertThat(priorities.get(0)).isBetween(7.3f, 8.4f);
        // Three days old: twelve points lost.
        assertThat(priorities.get(3)).isLessThan(-7f);
    }

    @Test
    void pagesFollowTheSameOrder() {
        Inbox inbox = inbox();

        given().auth().oauth2(ANALYST)
                .queryParam("watch", inbox.watchId()).queryParam("size", 3).queryParam("page", 0)
                .when().get("/api/mentions")
                .then().statusCode(200)
                .body("externalId", contains(inbox.id("angry"), inbox.id("review"), inbox.id("store")));
        given().auth().oauth2(ANALYST)
                .queryParam("watch", inbox.watchId()).queryParam("size", 3).queryParam("page", 1)
                .when().get("/api/mentions")
                .then().statusCode(200)
                .body("externalId", contains(inbox.id("old")));
        given().auth().oauth2(ANALYST)
                .queryParam("watch", inbox.watchId()).queryParam("size", 3).queryParam("page", 2)
                .when().get("/api/mentions")
                .then().statusCode(200)
                .body("", empty());
    }

    @Test
    void filtersNarrowTheList() {
        Inbox inbox = inbox();

        given().auth().oauth2(ANALYST)
                .queryParam("watch", inbox.watchId()).queryParam("sentiment", "negative")
                .when().get("/api/mentions")
                .then().statusCode(200)
                .body("externalId", contains(inbox.id("angry"), inbox.id("old")));
        given().auth().oauth2(ANALYST)
                .queryParam("watch", inbox.watchId()).queryParam("source", "bluesky")
                .when().get("/api/mentions")
                .then().statusCode(200)
                .body("externalId", contains(inbox.id("review")));
        given().auth().oauth2(ANALYST)
                .queryParam("watch", inbox.watchId()).queryParam("language", "fr")
                .queryParam("author", "@shop")
                .when().get("/api/mentions")
                .then().statusCode(200)
                .body("externalId", contains(inbox.id("store")));
        given().auth().oauth2(ANALYST)
                .queryParam("watch", inbox.watchId())
                .queryParam("since", inbox.now().minus(Duration.ofDays(1)).toString())
                .queryParam("until", inbox.now().minus(Duration.ofMinutes(30)).toString())
                .when().get("/api/mentions")
                .then().statusCode(200)
                .body("externalId", contains(inbox.id("angry"), inbox.id("review")));
        given().auth().oauth2(ANALYST)
                .queryParam("watch", inbox.watchId())
                .queryParam("until", inbox.now().minus(Duration.ofDays(1)).toString())
                .when().get("/api/mentions")
                .then().statusCode(200)
                .body("externalId", contains(inbox.id("old")));
    }

    @Test
    void theRolesThatAnswerTheInboxCanReadIt() {
        Inbox inbox = inbox();

        for (String token : List.of(PLAYBOOK_SERVICE, COMMUNICATOR, CRISIS_MANAGER, TestTokens.of("adam", "admin"))) {
            given().auth().oauth2(token)
                    .queryParam("watch", inbox.watchId())
                    .when().get("/api/mentions")
                    .then().statusCode(200)
                    .body("", hasSize(4));
        }
    }

    @Test
    void anEmployeeCannotReadTheInbox() {
        given().auth().oauth2(EMPLOYEE)
                .queryParam("watch", inbox().watchId())
                .when().get("/api/mentions")
                .then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(EMPLOYEE)
                .when().get("/api/mentions/" + inbox().mentionIds().get(0))
                .then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void withoutATokenTheInboxIsClosed() {
        given().queryParam("watch", UUID.randomUUID().toString())
                .when().get("/api/mentions")
                .then().statusCode(401);
        given().when().get("/api/mentions/" + UUID.randomUUID())
                .then().statusCode(401);
    }

    @Test
    void anUnknownWatchIsNotFound() {
        given().auth().oauth2(ANALYST)
                .queryParam("watch", UUID.randomUUID().toString())
                .when().get("/api/mentions")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://firebreak.io/problems/not-found"));
    }

    @Test
    void badParametersAreRefusedByName() {
        String watch = UUID.randomUUID().toString();
        assertRefused(null, null, "watch");
        assertRefused("watch", "not-a-uuid", "watch");
        assertRefused("since", "yesterday", "since", "watch", watch);
        assertRefused("until", "2026-13-01", "until", "watch", watch);
        assertRefused("sentiment", "angry", "sentiment", "watch", watch);
        assertRefused("size", "101", "size", "watch", watch);
        assertRefused("size", "0", "size", "watch", watch);
        assertRefused("page", "-1", "page", "watch", watch);
        assertRefused("page", "first", "page", "watch", watch);
        assertRefused("since", "2026-11-24T10:00:00Z", "until", "watch", watch, "until", "2026-11-24T09:00:00Z");
    }

    private static void assertRefused(String name, String value, String field, String... others) {
        var request = given().auth().oauth2(ANALYST);
        if (name != null) {
            request.queryParam(name, value);
        }
        for (int i = 0; i < others.length; i += 2) {
            request.queryParam(others[i], others[i + 1]);
        }
        request.when().get("/api/mentions")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://firebreak.io/problems/invalid-filter"))
                .body("errors[0].field", equalTo(field));
    }

    @Test
    void oneMentionIsReadById() {
        Inbox inbox = inbox();
        String angry = inbox.mentionIds().get(2);

        given().auth().oauth2(COMMUNICATOR)
                .when().get("/api/mentions/" + angry)
                .then().statusCode(200)
                .body("id", equalTo(angry))
                .body("externalId", equalTo(inbox.id("angry")))
                .body("url", equalTo("https://example.org/" + inbox.id("angry")))
                .body("language", equalTo("fr"))
                .body("engagement", equalTo(0))
                .body("question", equalTo(true))
                .body("publishedAt", equalTo(inbox.now().minus(Duration.ofHours(1)).toString()))
                .body("watchIds", contains(inbox.watchId()));
    }

    @Test
    void anUnknownMentionIsNotFound() {
        given().auth().oauth2(ANALYST)
                .when().get("/api/mentions/" + UUID.randomUUID())
                .then().statusCode(404)
                .contentType("application/problem+json");
    }
}
