package io.firebreak.monitoring.mention;

import static io.firebreak.monitoring.bucket.WatchFixtures.ANALYST;
import static io.firebreak.monitoring.bucket.WatchFixtures.MINUTE;
import static io.firebreak.monitoring.bucket.WatchFixtures.watchOn;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import io.firebreak.devstack.testing.InfrastructureTestResource;
import io.firebreak.devstack.testing.TestTokens;
import io.firebreak.devstack.testing.TopicProbe;
import io.firebreak.events.EventTypes;
import io.firebreak.events.Topics;
import io.firebreak.monitoring.TestClock;
import io.firebreak.monitoring.bucket.BucketCloser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MentionHistoryResourceTest {

    @Inject
    TestClock clock;
    @Inject
    BucketCloser closer;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** Day {@code days} from now, on the minute: each test lives on its own day so closing passes do not overlap. */
    private static Instant day(int days) {
        return Instant.now().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.MINUTES);
    }

    /** Four to six ordinary posts a minute over the {@code minutes} minutes before {@code liveStart}. */
    private static String quietHistory(String brand, Instant liveStart, int minutes) {
        List<String> posts = new ArrayList<>();
        for (int minute = minutes; minute > 0; minute--) {
            for (int post = 0; post < 4 + minute % 3; post++) {
                posts.add(post(UUID.randomUUID().toString(), "Je viens d'essayer l'appli " + brand,
                        liveStart.minus(MINUTE.multipliedBy(minute)).plusSeconds(5 + post)));
            }
        }
        return "{\"mentions\":[" + String.join(",", posts) + "]}";
    }

    private static String post(String externalId, String text, Instant published) {
        return """
                {"source":"mastodon","externalId":"%s","text":"%s","publishedAt":"%s"}"""
                .formatted(externalId, text, published);
    }

    private static void angryPosts(String brand, int count, Instant published) {
        List<String> posts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            posts.add(post(UUID.randomUUID().toString(), "L'appli " + brand + " est vraiment nulle, encore en panne 😡",
                    published));
        }
        given().auth().oauth2(ANALYST)
                .contentType(ContentType.JSON).body("{\"mentions\":[" + String.join(",", posts) + "]}")
                .when().post("/api/mentions")
                .then().statusCode(200).body("accepted", hasSize(count));
    }

    private void closeThrough(Instant liveStart, int minute) {
        Instant now = liveStart.plus(MINUTE.multipliedBy(minute + 1)).plusSeconds(5);
        clock.set(now);
        try {
            VertxContextSupport.subscribeAndAwait(() -> closer.closeDue(now));
        } catch (Throwable e) {
            throw new AssertionError("closing buckets failed", e);
        }
    }

    @Test
    void aWatchWithHistoryDetectsASurgeInItsFirstLiveMinute() {
        Instant liveStart = day(35);
        String brand = "hist" + UUID.randomUUID().toString().substring(0, 8);
        String withoutHistory = "ctl" + UUID.randomUUID().toString().substring(0, 8);
        clock.set(liveStart.plusSeconds(10));
        String watchId = watchOn(brand);
        String controlId = watchOn(withoutHistory);
        String history = quietHistory(brand, liveStart, 120);

        given().auth().oauth2(ANALYST)
                .contentType(ContentType.JSON).body(history)
                .when().post("/api/watches/" + watchId + "/history")
                .then().statusCode(200)
                .body("counted", equalTo(600))
                .body("duplicates", equalTo(0))
                .body("rejected", empty())
                .body("detectionStart", equalTo(liveStart.minus(MINUTE.multipliedBy(120)).toString()))
                .body("firstLiveBucket", equalTo(liveStart.toString()));

        // Imported again: each post counts once.
        given().auth().oauth2(ANALYST)
                .contentType(ContentType.JSON).body(history)
                .when().post("/api/watches/" + watchId + "/history")
                .then().statusCode(200)
                .body("counted", equalTo(0))
                .body("duplicates", equalTo(600));
        given().auth().oauth2(ANALYST)
                .queryParam("from", liveStart.minus(MINUTE.multipliedBy(120)).toString())
                .queryParam("to", liveStart.toString())
                .queryParam("step", "PT120M")
                .when().get("/api/watches/" + watchId + "/series")
                .then().statusCode(200)
                .body("points", hasSize(1))
                .body("points[0].volume", equalTo(600));

        try (TopicProbe signals = TopicProbe.watch(InfrastructureTestResource.kafkaBootstrapServers(), Topics.SIGNALS)) {
            clock.set(liveStart.plusSeconds(20));
            angryPosts(brand, 25, liveStart.plusSeconds(15));
            angryPosts(withoutHistory, 25, liveStart.plusSeconds(15));
            closeThrough(liveStart, 0);

            JsonNode raised = signals.awaitEvent(e -> e.path("data").path("watchId").asText().equals(watchId),
                    Duration.ofSeconds(30));
            assertThat(raised.path("type").asText()).isEqualTo(EventTypes.SIGNAL_RAISED);
            assertThat(raised.path("data").path("windowStart").asText()).isEqualTo(liveStart.toString());
            assertThat(raised.path("data").path("expectedVolume").asDouble()).isBetween(3.0, 7.0);
        }
        // The same surge on a watch without history: its detector is still warming up.
        given().auth().oauth2(ANALYST)
                .when().get("/api/signals?watch=" + controlId)
                .then().statusCode(200)
                .body("", empty());
    }

    @Test
    void postsOfTheLivePeriodOrNotMatchingTheWatchDoNotCount() {
        Instant liveStart = day(36);
        String brand = "hist" + UUID.randomUUID().toString().substring(0, 8);
        clock.set(liveStart.plusSeconds(10));
        String watchId = watchOn(brand);
        String batch = "{\"mentions\":[%s,%s,%s,%s]}".formatted(
                post("a", "Bonne journée avec " + brand, liveStart.minus(Duration.ofHours(3))),
                post("b", "Encore " + brand, liveStart.plusSeconds(2)),
                post("c", "Rien à voir", liveStart.minus(Duration.ofHours(2))),
                post("d", "Très vieux " + brand, liveStart.minus(Duration.ofDays(40))));

        given().auth().oauth2(ANALYST)
                .contentType(ContentType.JSON).body(batch)
                .when().post("/api/watches/" + watchId + "/history")
                .then().statusCode(200)
                .body("counted", equalTo(1))
                .body("notMatching", equalTo(1))
                .body("rejected.index", org.hamcrest.Matchers.contains(1, 3))
                .body("rejected[0].reason", org.hamcrest.Matchers.startsWith(
                        "publishedAt is not before the watch's first live bucket"))
                .body("rejected[1].reason", org.hamcrest.Matchers.startsWith(
                        "publishedAt is older than the retention"))
                .body("detectionStart", equalTo(liveStart.minus(Duration.ofHours(3)).toString()));
    }

    @Test
    void onlyAnalystsAndAdminsImportHistoryOfAnExistingWatch() {
        String body = "{\"mentions\":[" + post("x", "hello", Instant.now().minus(Duration.ofDays(1))) + "]}";
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/watches/" + UUID.randomUUID() + "/history")
                .then().statusCode(401);
        given().auth().oauth2(TestTokens.of("carla", "communicator"))
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/watches/" + UUID.randomUUID() + "/history")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.of("adam", "admin"))
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/watches/" + UUID.randomUUID() + "/history")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }
}
