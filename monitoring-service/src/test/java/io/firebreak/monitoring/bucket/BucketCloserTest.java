package io.firebreak.monitoring.bucket;

import static io.firebreak.monitoring.bucket.WatchFixtures.ANALYST;
import static io.firebreak.monitoring.bucket.WatchFixtures.MINUTE;
import static io.firebreak.monitoring.bucket.WatchFixtures.angryPosts;
import static io.firebreak.monitoring.bucket.WatchFixtures.quietHistory;
import static io.firebreak.monitoring.bucket.WatchFixtures.watchOn;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.firebreak.devstack.testing.InfrastructureTestResource;
import io.firebreak.devstack.testing.TopicProbe;
import io.firebreak.events.EventTypes;
import io.firebreak.events.Topics;
import io.firebreak.monitoring.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BucketCloserTest {

    private static final Duration EVENT_WAIT = Duration.ofSeconds(30);

    @Inject
    TestClock clock;
    @Inject
    BucketCloser closer;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** Closes the buckets due a few seconds after the end of minute {@code minute} of the test. */
    private int closeThrough(Instant t0, int minute) {
        Instant now = t0.plus(MINUTE.multipliedBy(minute + 1)).plusSeconds(5);
        clock.set(now);
        try {
            return VertxContextSupport.subscribeAndAwait(() -> closer.closeDue(now));
        } catch (Throwable e) {
            throw new AssertionError("closing buckets failed", e);
        }
    }

    private void at(Instant t0, int minute) {
        clock.set(t0.plus(MINUTE.multipliedBy(minute)).plusSeconds(20));
    }

    private static JsonNode nextEvent(TopicProbe probe, String watchId) {
        return probe.awaitEvent(e -> e.path("data").path("watchId").asText().equals(watchId), EVENT_WAIT);
    }

    private static String brand() {
        return "brand" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Day {@code days} from now, on the minute: each test lives on its own day so passes do not overlap. */
    private static Instant day(int days) {
        return Instant.now().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.MINUTES);
    }

    @Test
    void aSurgeOfAngryPostsIsOneSignalThatEscalatesAndClosesWhenItSubsides() {
        Instant t0 = day(10);
        String brand = brand();
        clock.set(t0.plusSeconds(10));
        String watchId = watchOn(brand);
        quietHistory(watchId, t0, 120);

        try (TopicProbe signals = TopicProbe.watch(InfrastructureTestResource.kafkaBootstrapServers(), Topics.SIGNALS)) {
            at(t0, 120);
            angryPosts(brand, 25, clock.instant());
            assertThat(closeThrough(t0, 120)).isGreaterThanOrEqualTo(121);

            JsonNode raised = nextEvent(signals, watchId);
            assertThat(raised.path("type").asText()).isEqualTo(EventTypes.SIGNAL_RAISED);
            assertThat(raised.path("_key").asText()).isEqualTo(watchId);
            JsonNode data = raised.path("data");
            String signalId = data.path("signalId").asText();
            assertThat(data.path("status").asText()).isEqualTo("OPEN");
            assertThat(data.path("severity").asText()).isEqualTo("MEDIUM");
            assertThat(data.path("observedVolume").asLong()).isEqualTo(25);
            assertThat(data.path("expectedVolume").asDouble()).isBetween(3.0, 7.0);
            assertThat(data.path("negativeShare").asDouble()).isEqualTo(1.0);
            assertThat(data.path("windowStart").asText()).isEqualTo(t0.plus(MINUTE.multipliedBy(120)).toString());
            assertThat(data.path("drivingMentionIds")).hasSize(5);

            // The posts driving it are the most read ones, with their text.
            given().auth().oauth2(ANALYST)
                    .when().get("/api/signals?watch=" + watchId)
                    .then().statusCode(200)
                    .body("", hasSize(1))
                    .body("[0].id", equalTo(signalId))
                    .body("[0].raisedBy", equalTo("detector"))
                    .body("[0].drivingPosts", hasSize(5))
                    .body("[0].drivingPosts[0].author", equalTo("@user24"))
                    .body("[0].drivingPosts[0].reach", equalTo(340))
                    .body("[0].drivingPosts.sentimentLabel", everyItem(equalTo("negative")));

            at(t0, 121);
            angryPosts(brand, 80, clock.instant());
            closeThrough(t0, 121);

            JsonNode escalated = nextEvent(signals, watchId);
            assertThat(escalated.path("type").asText()).isEqualTo(EventTypes.SIGNAL_UPDATED);
            assertThat(escalated.path("data").path("signalId").asText()).isEqualTo(signalId);
            assertThat(escalated.path("data").path("severity").asText()).isEqualTo("CRITICAL");
            assertThat(escalated.path("data").path("observedVolume").asLong()).isEqualTo(105);

            // Nine quiet minutes: still open. The tenth closes it.
            closeThrough(t0, 130);
            given().auth().oauth2(ANALYST).when().get("/api/signals/" + signalId)
                    .then().statusCode(200).body("status", equalTo("OPEN"));
            closeThrough(t0, 131);

            JsonNode closed = nextEvent(signals, watchId);
            assertThat(closed.path("type").asText()).isEqualTo(EventTypes.SIGNAL_CLOSED);
            assertThat(closed.path("data").path("status").asText()).isEqualTo("CLOSED");
            assertThat(closed.path("data").path("windowEnd").asText())
                    .isEqualTo(t0.plus(MINUTE.multipliedBy(122)).toString());

            // Another surge during the cooldown is the same crisis coming back, not a new signal.
            at(t0, 140);
            angryPosts(brand, 60, clock.instant());
            closeThrough(t0, 140);
            assertThatThrownBy(() -> signals.awaitEvent(
                    e -> e.path("data").path("watchId").asText().equals(watchId), Duration.ofSeconds(4)))
                    .isInstanceOf(AssertionError.class);
        }
        given().auth().oauth2(ANALYST)
                .when().get("/api/signals?watch=" + watchId)
                .then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].status", equalTo("CLOSED"))
                .body("[0].closedAt", notNullValue());
    }

    @Test
    void aRestartInTheMiddleOfASurgeNeitherMissesNorRepeatsASignal() {
        Instant t0 = day(20);
        String brand = brand();
        clock.set(t0.plusSeconds(10));
        String watchId = watchOn(brand);
        quietHistory(watchId, t0, 120);

        try (TopicProbe signals = TopicProbe.watch(InfrastructureTestResource.kafkaBootstrapServers(), Topics.SIGNALS)) {
            at(t0, 120);
            angryPosts(brand, 25, clock.instant());
            closeThrough(t0, 120);
            String signalId = nextEvent(signals, watchId).path("data").path("signalId").asText();

            // A restart loses every detector; the same pass run again (a replica's retry) finds nothing to do.
            closer.forgetDetectors();
            assertThat(closeThrough(t0, 120)).isZero();

            // The rebuilt detector judges the next bucket as the one that never stopped would: the same signal
            // escalates, and no second one is raised.
            at(t0, 121);
            angryPosts(brand, 80, clock.instant());
            closeThrough(t0, 121);
            JsonNode escalated = nextEvent(signals, watchId);
            assertThat(escalated.path("type").asText()).isEqualTo(EventTypes.SIGNAL_UPDATED);
            assertThat(escalated.path("data").path("signalId").asText()).isEqualTo(signalId);
            assertThat(escalated.path("data").path("severity").asText()).isEqualTo("CRITICAL");

            closer.forgetDetectors();
            closeThrough(t0, 131);
            JsonNode closed = nextEvent(signals, watchId);
            assertThat(closed.path("type").asText()).isEqualTo(EventTypes.SIGNAL_CLOSED);
            assertThat(closed.path("data").path("signalId").asText()).isEqualTo(signalId);
            assertThatThrownBy(() -> signals.awaitEvent(
                    e -> e.path("data").path("watchId").asText().equals(watchId), Duration.ofSeconds(4)))
                    .isInstanceOf(AssertionError.class);
        }
        given().auth().oauth2(ANALYST)
                .when().get("/api/signals?watch=" + watchId)
                .then().statusCode(200)
                .body("", hasSize(1));
    }
}
