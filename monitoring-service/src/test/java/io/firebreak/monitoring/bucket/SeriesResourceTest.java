package io.firebreak.monitoring.bucket;

import static io.firebreak.monitoring.bucket.WatchFixtures.ANALYST;
import static io.firebreak.monitoring.bucket.WatchFixtures.MINUTE;
import static io.firebreak.monitoring.bucket.WatchFixtures.angryPosts;
import static io.firebreak.monitoring.bucket.WatchFixtures.quietHistory;
import static io.firebreak.monitoring.bucket.WatchFixtures.watchOn;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.firebreak.devstack.testing.TestTokens;
import io.firebreak.monitoring.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SeriesResourceTest {

    @Inject
    TestClock clock;
    @Inject
    BucketCloser closer;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /**
     * A watch created at t0 with two quiet hours, 30 angry posts in minute 120 (closed, so a signal), and 7 in
     * minute 121, still open.
     */
    private static Instant t0;
    private static String watchId;

    private String watch() throws Throwable {
        if (watchId != null) {
            return watchId;
        }
        t0 = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.MINUTES);
        String brand = "brand" + UUID.randomUUID().toString().substring(0, 8);
        clock.set(t0.plusSeconds(10));
        String id = watchOn(brand);
        quietHistory(id, t0, 120);
        clock.set(t0.plus(MINUTE.multipliedBy(120)).plusSeconds(20));
        angryPosts(brand, 30, clock.instant());
        Instant closing = t0.plus(MINUTE.multipliedBy(121)).plusSeconds(5);
        clock.set(closing);
        VertxContextSupport.subscribeAndAwait(() -> closer.closeDue(closing));
        clock.set(closing.plusSeconds(10));
        angryPosts(brand, 7, clock.instant());
        watchId = id;
        return id;
    }

    private String at(int minute) {
        return t0.plus(MINUTE.multipliedBy(minute)).toString();
    }

    @Test
    void theSeriesHasVolumeSharesTheExpectedBandAndTheSignals() throws Throwable {
        String id = watch();
        JsonPath series = given().auth().oauth2(ANALYST)
                .queryParam("from", at(110)).queryParam("to", at(122)).queryParam("step", "PT1M")
                .when().get("/api/watches/" + id + "/series")
                .then().statusCode(200)
                .body("points", hasSize(12))
                .body("points[0].start", equalTo(at(110)))
                .body("points[0].volume", equalTo(6))                    // 110 % 3 == 2: 4 + 2
                .body("points[0].expected", notNullValue())
                .body("points[10].volume", equalTo(30))
                .body("points[10].score", notNullValue())
                .body("points[11].volume", equalTo(7))                   // the open bucket: nothing expected yet
                .body("points[11].expected", nullValue())
                .body("signals", hasSize(1))
                .body("signals[0].windowStart", equalTo(at(120)))
                .body("signals[0].raisedBy", equalTo("detector"))
                .extract().jsonPath();
        assertThat(series.getDouble("points[0].negativeShare")).isCloseTo(1.0 / 6, within(1e-6));
        assertThat(series.getDouble("points[10].negativeShare")).isEqualTo(1.0);
        assertThat(series.getDouble("points[10].meanSentiment")).isNegative();
        assertThat(series.getDouble("points[10].score")).isGreaterThan(0.57);
        assertThat(series.getDouble("points[0].expectedLow"))
                .isLessThanOrEqualTo(series.getDouble("points[0].expected"));
        assertThat(series.getDouble("points[0].expectedHigh"))
                .isGreaterThanOrEqualTo(series.getDouble("points[0].expected"));
    }

    @Test
    void aLongerStepSumsTheBuckets() throws Throwable {
        String id = watch();
        given().auth().oauth2(TestTokens.of("carol", "crisis-manager"))
                .queryParam("from", at(0)).queryParam("to", at(120)).queryParam("step", "1h")
                .when().get("/api/watches/" + id + "/series")
                .then().statusCode(200)
                .body("points", hasSize(2))
                .body("points[0].volume", equalTo(300))                 // 20 times 4 + 5 + 6
                .body("points[1].start", equalTo(at(60)))
                .body("points[1].expected", notNullValue())
                .body("signals", hasSize(0));
    }

    @Test
    void badParametersAreRejectedNamingTheField() throws Throwable {
        String id = watch();
        String series = "/api/watches/" + id + "/series";
        given().auth().oauth2(ANALYST).queryParam("from", at(10)).queryParam("to", at(5))
                .when().get(series)
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://firebreak.io/problems/invalid-series"))
                .body("errors.field", hasItem("from"));
        given().auth().oauth2(ANALYST).queryParam("from", "yesterday")
                .when().get(series)
                .then().statusCode(400)
                .body("errors.field", hasItem("from"));
        given().auth().oauth2(ANALYST).queryParam("from", at(0)).queryParam("to", at(10)).queryParam("step", "90s")
                .when().get(series)
                .then().statusCode(400)
                .body("errors.field", hasItem("step"));
        given().auth().oauth2(ANALYST).queryParam("from", at(0)).queryParam("to", at(60 * 24 * 3))
                .queryParam("step", "1m")
                .when().get(series)
                .then().statusCode(400)
                .body("errors[0].message", startsWith("gives 4320 points"));
        given().auth().oauth2(ANALYST).queryParam("step", "soon")
                .when().get(series)
                .then().statusCode(400)
                .body("errors.field", hasItem("step"));
    }

    @Test
    void anUnknownWatchIsNotFound() {
        given().auth().oauth2(ANALYST)
                .when().get("/api/watches/" + UUID.randomUUID() + "/series")
                .then().statusCode(404);
    }

    @Test
    void readingASeriesNeedsATokenAndARoleThatTriages() {
        String series = "/api/watches/" + UUID.randomUUID() + "/series";
        given().when().get(series).then().statusCode(401);
        given().auth().oauth2(TestTokens.of("cole", "communicator")).when().get(series).then().statusCode(403);
    }
}
