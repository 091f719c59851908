package io.firebreak.monitoring.bucket;

import static io.restassured.RestAssured.given;

import io.firebreak.devstack.testing.InfrastructureTestResource;
import io.firebreak.devstack.testing.TestTokens;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A watch with a history of quiet buckets, and surges of angry posts about it, for detection tests. */
public final class WatchFixtures {

    public static final String ANALYST = TestTokens.of("ana", "analyst");
    public static final Duration MINUTE = Duration.ofMinutes(1);

    private WatchFixtures() {
    }

    /** A watch on a brand name no other test uses; the caller has set the clock to when it is created. */
    public static String watchOn(String brand) {
        return given().auth().oauth2(ANALYST)
                .contentType(ContentType.JSON).body("""
                        {"name":"%s watch","query":"%s","languages":["fr","en"]}""".formatted(brand, brand))
                .when().post("/api/watches")
                .then().statusCode(201)
                .extract().path("id");
    }

    /** What the watch heard before the test: {@code minutes} buckets from {@code start} of 4 to 6 mentions. */
    static void quietHistory(String watchId, Instant start, int minutes) {
        try (Connection connection = DriverManager.getConnection(InfrastructureTestResource.jdbcUrl(),
                InfrastructureTestResource.DATABASE, InfrastructureTestResource.DATABASE);
             PreparedStatement insert = connection.prepareStatement("""
                     insert into watch_bucket (watch_id, bucket_start, volume, negative, sentiment_sum)
                     values (?, ?, ?, 1, 0.1)""")) {
            for (int minute = 0; minute < minutes; minute++) {
                insert.setObject(1, UUID.fromString(watchId));
                insert.setTimestamp(2, Timestamp.from(start.plus(MINUTE.multipliedBy(minute))));
                insert.setLong(3, 4 + minute % 3);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts {@code count} angry posts about the brand, published a minute before {@code now}. */
    static void angryPosts(String brand, int count, Instant now) {
        List<String> mentions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            mentions.add("""
                    {"source":"mastodon","externalId":"%s","author":"@user%d","text":"L'appli %s est vraiment nulle, encore en panne 😡",
                     "publishedAt":"%s","reach":%d,"engagement":%d}""".formatted(UUID.randomUUID(), i, brand,
                    now.minusSeconds(60), 100 + i * 10, i));
        }
        given().auth().oauth2(ANALYST)
                .contentType(ContentType.JSON).body("{\"mentions\":[" + String.join(",", mentions) + "]}")
                .when().post("/api/mentions")
                .then().statusCode(200);
    }
}
