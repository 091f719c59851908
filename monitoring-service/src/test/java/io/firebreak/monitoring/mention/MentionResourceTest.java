package io.firebreak.monitoring.mention;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import io.firebreak.devstack.testing.InfrastructureTestResource;
import io.firebreak.devstack.testing.TestTokens;
import io.firebreak.devstack.testing.TopicProbe;
import io.firebreak.events.CloudEvent;
import io.firebreak.events.EventJson;
import io.firebreak.events.EventTypes;
import io.firebreak.events.MentionReceived;
import io.firebreak.events.Topics;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MentionResourceTest {

    private static final String ANALYST = TestTokens.of("ana", "analyst");

    /** A watch on a brand name no other test uses, so that only this test's mentions match it. */
    private static String watchOn(String brand) {
        return given().auth().oauth2(ANALYST)
                .contentType(ContentType.JSON).body("""
                        {"name":"%s","query":"%s -job","languages":["fr","en"]}""".formatted(brand, brand))
                .when().post("/api/watches")
                .then().statusCode(201)
                .extract().path("id");
    }

    private static String mention(String externalId, String text, String language) {
        return """
                {"source":"mastodon","externalId":"%s","author":"@someone","text":"%s",%s
                 "url":"https://mastodon.example/@someone/%s","publishedAt":"%s","reach":1200,"engagement":35}"""
                .formatted(externalId, text, language == null ? "" : "\"language\":\"" + language + "\",",
                        externalId, Instant.now().minusSeconds(60));
    }

    @Test
    void aBatchIsScoredMatchedStoredAndPublishedWhileBadRecordsAreRejected() {
        String brand = "brand" + UUID.randomUUID().toString().substring(0, 8);
        String watchId = watchOn(brand);
        String run = UUID.randomUUID().toString();
        String batch = """
                {"mentions":[%s,%s,{"source":"mastodon","externalId":"%s-bad","publishedAt":"%s"},%s]}""".formatted(
                mention(run + "-1", "L'appli " + brand + " est vraiment nulle, encore en panne 😡", null),
                mention(run + "-2", "Lovely weather today", "en"),
                run, Instant.now(),
                mention(run + "-1", "same post again", null));

        try (TopicProbe scored = TopicProbe.watch(InfrastructureTestResource.kafkaBootstrapServers(),
                Topics.MENTIONS_SCORED)) {
            var report = given().auth().oauth2(ANALYST)
                    .contentType(ContentType.JSON).body(batch)
                    .when().post("/api/mentions")
                    .then().statusCode(200)
                    .body("accepted.index", contains(0, 1))
                    .body("accepted[0].language", equalTo("fr"))
                    .body("accepted[0].sentimentLabel", equalTo("negative"))
                    .body("accepted[0].watchIds", contains(watchId))
                    .body("accepted[1].sentimentLabel", equalTo("positive"))
                    .body("accepted[1].watchIds", empty())
                    .body("duplicates", equalTo(1))
                    .body("rejected", hasSize(1))
                    .body("rejected[0].index", equalTo(2))
                    .body("rejected[0].reason", equalTo("text is required, at most 10000 characters"))
                    .extract();
            String mentionId = report.path("accepted[0].mentionId");
            assertThat(UUID.fromString(mentionId).version()).as("time-ordered id").isEqualTo(7);

            JsonNode event = scored.awaitEvent(e -> e.path("data").path("mentionId").asText().equals(mentionId),
                    Duration.ofSeconds(30));

            assertThat(event.path("type").asText()).isEqualTo(EventTypes.MENTION_SCORED);
            assertThat(event.path("_key").asText()).isEqualTo(watchId);
            assertThat(event.path("data").path("sentimentLabel").asText()).isEqualTo("negative");
            assertThat(event.path("data").path("watchIds").get(0).asText()).isEqualTo(watchId);
            assertThat(event.path("data").path("externalId").asText()).isEqualTo(run + "-1");
        }

        // Sent again, nothing is stored twice and the bad record is still refused.
        given().auth().oauth2(ANALYST)
                .contentType(ContentType.JSON).body(batch)
                .when().post("/api/mentions")
                .then().statusCode(200)
                .body("accepted", empty())
                .body("duplicates", equalTo(3))
                .body("rejected", hasSize(1));
    }

    @Test
    void aBatchMixingStoredAndNewPostsStoresTheNewOnesAndTheBatchesAfterItToo() {
        String brand = "brand" + UUID.randomUUID().toString().substring(0, 8);
        String watchId = watchOn(brand);
        String run = UUID.randomUUID().toString();
        String first = mention(run + "-1", brand + " is down again", "en");
        post("{\"mentions\":[" + first + "]}").body("accepted", hasSize(1)).body("duplicates", equalTo(0));

        // The stored post fails the batch's plain insert on the post key; it is written again without it.
        post("{\"mentions\":[" + mention(run + "-2", brand + " support never answers", "en") + "," + first + ","
                + mention(run + "-3", "Still no answer from " + brand, "en") + "]}")
                .body("accepted.index", contains(0, 2))
                .body("accepted.watchIds", everyItem(contains(watchId)))
                .body("duplicates", equalTo(1));
        // The next batches, new or repeated, are stored or skipped as well.
        post("{\"mentions\":[" + mention(run + "-4", brand + " refunds are late", "en") + "]}")
                .body("accepted", hasSize(1)).body("duplicates", equalTo(0));
        post("{\"mentions\":[" + mention(run + "-5", brand + " deleted my account", "en") + "]}")
                .body("accepted", hasSize(1)).body("duplicates", equalTo(0));
        post("{\"mentions\":[" + first + "]}").body("accepted", empty()).body("duplicates", equalTo(1));

        given().auth().oauth2(ANALYST)
                .queryParam("watch", watchId).queryParam("size", 50)
                .when().get("/api/mentions")
                .then().statusCode(200)
                .body("externalId", containsInAnyOrder(run + "-1", run + "-2", run + "-3", run + "-4", run + "-5"));
    }

    private static ValidatableResponse post(String body) {
        return given().auth().oauth2(ANALYST)
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/mentions")
                .then().statusCode(200);
    }

    @Test
    void aWrongTypedFieldRejectsOnlyItsRecordWithItsIndexAndReason() {
        String run = UUID.randomUUID().toString();
        String wrongReach = mention(run + "-reach", "hello", "en").replace("\"reach\":1200", "\"reach\":\"lots\"");
        String wrongDate = mention(run + "-date", "hello", "en")
                .replaceFirst("\"publishedAt\":\"[^\"]+\"", "\"publishedAt\":\"yesterday\"");
        String batch = "{\"mentions\":[%s,%s,%s,%s]}".formatted(mention(run + "-1", "first post", "en"), wrongReach,
                wrongDate, mention(run + "-2", "second post", "en"));

        given().auth().oauth2(ANALYST)
                .contentType(ContentType.JSON).body(batch)
                .when().post("/api/mentions")
                .then().statusCode(200)
                .body("accepted.index", contains(0, 3))
                .body("rejected.index", contains(1, 2))
                .body("rejected[0].externalId", equalTo(run + "-reach"))
                .body("rejected[0].reason", equalTo("reach must be a whole number"))
                .body("rejected[1].reason", equalTo(
                        "publishedAt must be an ISO-8601 instant such as 2026-11-23T10:00:00Z"));
    }

    @Test
    void aMentionOnTheRawTopicIsStoredOnceAndARedeliveryIsAnnouncedUnderTheSameEventId() throws Exception {
        String brand = "brand" + UUID.randomUUID().toString().substring(0, 8);
        String watchId = watchOn(brand);
        String externalId = UUID.randomUUID().toString();
        var raw = CloudEvent.of("/mastodon-connector", EventTypes.MENTION_RECEIVED, "mastodon:" + externalId,
                new MentionReceived("mastodon", externalId, "@fan", "I love the new " + brand + " app!", "en",
                        null, Instant.now().minusSeconds(30), 10L, 2L));
        String value = EventJson.newMapper().writeValueAsString(raw);

        try (TopicProbe scored = TopicProbe.watch(InfrastructureTestResource.kafkaBootstrapServers(),
                Topics.MENTIONS_SCORED)) {
            TopicProbe.send(InfrastructureTestResource.kafkaBootstrapServers(), Topics.MENTIONS_RAW,
                    "mastodon:" + externalId, value);
            JsonNode first = scored.awaitEvent(e -> e.path("data").path("externalId").asText().equals(externalId),
                    Duration.ofSeconds(30));
            assertThat(first.path("_key").asText()).isEqualTo(watchId);
            assertThat(first.path("data").path("sentimentLabel").asText()).isEqualTo("positive");
            assertThat(first.path("data").path("language").asText()).isEqualTo("en");
            String mentionId = first.path("data").path("mentionId").asText();
            assertThat(first.path("id").asText()).isEqualTo(mentionId);

            // The same event again (a redelivery after a crash between the commit and the send looks the same): the
            // stored mention is announced again, under the same event id, so that consumers recognise it.
            TopicProbe.send(InfrastructureTestResource.kafkaBootstrapServers(), Topics.MENTIONS_RAW,
                    "mastodon:" + externalId, value);
            JsonNode again = scored.awaitEvent(e -> e.path("data").path("externalId").asText().equals(externalId),
                    Duration.ofSeconds(30));
            assertThat(again.path("id").asText()).isEqualTo(mentionId);
            assertThat(again.path("data").path("mentionId").asText()).isEqualTo(mentionId);
            assertThat(again.path("data").path("watchIds").get(0).asText()).isEqualTo(watchId);

            // Stored once.
            given().auth().oauth2(ANALYST)
                    .queryParam("watch", watchId)
                    .when().get("/api/mentions")
                    .then().statusCode(200)
                    .body("id", contains(mentionId));
        }
    }

    @Test
    void mentionsOlderThanTheRetentionAreDeletedWithTheirInboxRows() throws Exception {
        String brand = "brand" + UUID.randomUUID().toString().substring(0, 8);
        String watchId = watchOn(brand);
        String old = """
                {"mentions":[{"source":"mastodon","externalId":"%s","text":"an old post about %s","language":"en",
                 "publishedAt":"%s"}]}""".formatted(UUID.randomUUID(), brand,
                Instant.now().minus(Duration.ofDays(400)));
        String firstId = given().auth().oauth2(ANALYST).contentType(ContentType.JSON).body(old)
                .when().post("/api/mentions")
                .then().statusCode(200).body("accepted", hasSize(1)).body("accepted[0].watchIds", contains(watchId))
                .extract().path("accepted[0].mentionId");

        // Once the purge has run, the same post is new again instead of a duplicate, and the first one's inbox row
        // is gone with it.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(ANALYST)
                .contentType(ContentType.JSON).body(old)
                .when().post("/api/mentions")
                .then().statusCode(200).body("accepted", hasSize(1)));
        try (Connection db = DriverManager.getConnection(InfrastructureTestResource.jdbcUrl(),
                InfrastructureTestResource.DATABASE, InfrastructureTestResource.DATABASE);
             PreparedStatement rows = db.prepareStatement("select count(*) from mention_watch where mention_id = ?")) {
            rows.setObject(1, UUID.fromString(firstId));
            try (ResultSet count = rows.executeQuery()) {
                count.next();
                assertThat(count.getLong(1)).isZero();
            }
        }
    }

    @Test
    void moreThanAThousandMentionsIsABadRequest() {
        String one = mention("x", "hello", "en");
        String body = "{\"mentions\":[" + String.join(",", Collections.nCopies(MentionDtos.MAX_BATCH + 1, one)) + "]}";

        given().auth().oauth2(ANALYST)
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/mentions")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @TestHTTPResource("/api/mentions")
    URI mentionsUri;

    @Test
    void aTenMegabyteBodyIsTooLarge() throws Exception {
        // Expect: 100-continue, as a well-behaved connector sends a large body: the server refuses it up front,
        // before any of the 10 MB is sent. Spoken over a plain socket: the JDK 17 client can wait forever when the
        // answer to Expect is not 100 (JDK-8286171).
        try (Socket socket = new Socket(mentionsUri.getHost(), mentionsUri.getPort())) {
            socket.setSoTimeout(30_000);
            String head = "POST " + mentionsUri.getPath() + " HTTP/1.1\r\n"
                    + "Host: " + mentionsUri.getHost() + ":" + mentionsUri.getPort() + "\r\n"
                    + "Authorization: Bearer " + ANALYST + "\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Content-Length: " + (10 * 1024 * 1024) + "\r\n"
                    + "Expect: 100-continue\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();

            assertThat(statusLine).startsWith("HTTP/1.1 413");
        }
    }

    @Test
    void withoutATokenIsUnauthorized() {
        given().contentType(ContentType.JSON).body("{\"mentions\":[]}")
                .when().post("/api/mentions")
                .then().statusCode(401);
    }

    @Test
    void communicatorsMayNotIngest() {
        given().auth().oauth2(TestTokens.of("cole", "communicator"))
                .contentType(ContentType.JSON).body("{\"mentions\":[" + mention("y", "hello", "en") + "]}")
                .when().post("/api/mentions")
                .then().statusCode(403);
    }

    @Test
    void aRecordThatIsNotAMentionIsDeadLetteredWithoutLosingTheRestOfItsPoll() throws Exception {
        String brand = "brand" + UUID.randomUUID().toString().substring(0, 8);
        String watchId = watchOn(brand);
        String run = UUID.randomUUID().toString();
        String broken = "{\"not\":\"a mention event\",\"run\":\"" + run + "\"}";
        String bootstrap = InfrastructureTestResource.kafkaBootstrapServers();
        try (KafkaConsumer<String, String> deadLetters = deadLetterReader(bootstrap)) {
            // Sent back to back, so that the broken record usually shares its poll with good ones.
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
                for (int i = 0; i < 30; i++) {
                    if (i == 15) {
                        producer.send(new ProducerRecord<>(Topics.MENTIONS_RAW, "broken:" + run, broken));
                    }
                    var raw = CloudEvent.of("/mastodon-connector", EventTypes.MENTION_RECEIVED, "mastodon:" + run + i,
                            new MentionReceived("mastodon", run + "-" + i, "@fan", "Encore une panne chez " + brand,
                                    "fr", null, Instant.now().minusSeconds(30), 10L, 2L));
                    producer.send(new ProducerRecord<>(Topics.MENTIONS_RAW, "mastodon:" + run + i,
                            EventJson.newMapper().writeValueAsString(raw)));
                }
                producer.flush();
            }

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(ANALYST)
                    .queryParam("watch", watchId).queryParam("size", 100)
                    .when().get("/api/mentions")
                    .then().statusCode(200)
                    .body("", hasSize(30)));
            List<String> deadValues = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                deadLetters.poll(Duration.ofMillis(200)).forEach(record -> deadValues.add(record.value()));
                return deadValues.contains(broken);
            });
        }
    }

    private static KafkaConsumer<String, String> deadLetterReader(String bootstrap) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "dead-letters-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        consumer.subscribe(List.of("monitoring.dead-letters.v1"));
        return consumer;
    }
}
