package io.firebreak.devstack.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlatformEmulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STATUS = "{\"status\":\"Our app is down; we are on it.\",\"visibility\":\"public\"}";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private PlatformEmulator emulator;

    @BeforeEach
    void start() {
        emulator = PlatformEmulator.start(0);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void aRepeatedIdempotencyKeyPostsTheStatusOnce() throws Exception {
        HttpResponse<String> first = postStatus(PlatformEmulator.MASTODON_TOKEN, "key-1", STATUS);
        HttpResponse<String> again = postStatus(PlatformEmulator.MASTODON_TOKEN, "key-1", STATUS);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).path("id")).isEqualTo(JSON.readTree(first.body()).path("id"));
        JsonNode posted = JSON.readTree(get("/emulator/mastodon/statuses").body());
        assertThat(posted).hasSize(1);
        assertThat(posted.get(0).path("content").asText()).isEqualTo("<p>Our app is down; we are on it.</p>");
        assertThat(posted.get(0).path("url").asText()).endsWith("/@firebreak/" + posted.get(0).path("id").asText());
    }

    @Test
    void aWrongTokenIsRefusedLikeMastodonDoes() throws Exception {
        HttpResponse<String> response = postStatus("stolen-token", "key-2", STATUS);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(response.body()).path("error").asText()).isEqualTo("The access token is invalid");
        assertThat(JSON.readTree(get("/emulator/mastodon/statuses").body())).isEmpty();
    }

    @Test
    void aStatusOverTheInstanceLimitIsRefused() throws Exception {
        String tooLong = "{\"status\":\"" + "x".repeat(PlatformEmulator.MASTODON_MAX_CHARACTERS + 1) + "\"}";

        assertThat(postStatus(PlatformEmulator.MASTODON_TOKEN, "key-3", tooLong).statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(get("/mastodon/api/v2/instance").body())
                .at("/configuration/statuses/max_characters").asInt()).isEqualTo(500);
    }

    @Test
    void anInjectedFaultAnswersItsStatusThenThePlatformRecovers() throws Exception {
        HttpResponse<String> injected = client.send(HttpRequest.newBuilder(URI.create(emulator.url()
                        + "/emulator/faults")).POST(HttpRequest.BodyPublishers.ofString(
                        "{\"platform\":\"mastodon\",\"status\":429,\"count\":2,\"retryAfterSeconds\":7}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(injected.statusCode()).isEqualTo(204);

        HttpResponse<String> first = postStatus(PlatformEmulator.MASTODON_TOKEN, "key-4", STATUS);
        HttpResponse<String> second = postStatus(PlatformEmulator.MASTODON_TOKEN, "key-4", STATUS);
        HttpResponse<String> third = postStatus(PlatformEmulator.MASTODON_TOKEN, "key-4", STATUS);

        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(third.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(get("/emulator/mastodon/statuses").body())).hasSize(1);
    }

    @Test
    void fcmSendsWithAnAccessTokenFromTheJwtBearerGrant() throws Exception {
        HttpResponse<String> token = client.send(HttpRequest.newBuilder(URI.create(emulator.url() + "/fcm/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=a.b.c")).build(),
                HttpResponse.BodyHandlers.ofString());
        String accessToken = JSON.readTree(token.body()).path("access_token").asText();

        HttpResponse<String> sent = sendPush(accessToken, "device-token-1");
        HttpResponse<String> unregistered = sendPush(accessToken, "unregistered-device");
        HttpResponse<String> anonymous = sendPush("forged", "device-token-1");

        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(sent.body()).path("name").asText()).startsWith("projects/firebreak/messages/");
        assertThat(unregistered.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unregistered.body()).at("/error/status").asText()).isEqualTo("NOT_FOUND");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        JsonNode pushes = JSON.readTree(get("/emulator/fcm/messages").body());
        assertThat(pushes).hasSize(1);
        assertThat(pushes.get(0).at("/message/notification/title").asText()).isEqualTo("Crisis activated");
    }

    @Test
    void theBrandRepliesInACriticsThreadFoundBySearchingItsUrl() throws Exception {
        HttpResponse<String> critic = client.send(HttpRequest.newBuilder(URI.create(emulator.url()
                        + "/emulator/mastodon/posts")).POST(HttpRequest.BodyPublishers.ofString(
                        "{\"account\":\"marie\",\"text\":\"Appli en panne depuis ce matin, c'est nul\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode criticPost = JSON.readTree(critic.body());
        String criticUrl = criticPost.path("url").asText();

        HttpResponse<String> search = client.send(HttpRequest.newBuilder(URI.create(emulator.url()
                        + "/mastodon/api/v2/search?type=statuses&resolve=true&q="
                        + java.net.URLEncoder.encode(criticUrl, java.nio.charset.StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + PlatformEmulator.MASTODON_TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        String foundId = JSON.readTree(search.body()).at("/statuses/0/id").asText();
        HttpResponse<String> reply = postStatus(PlatformEmulator.MASTODON_TOKEN, "reply-1",
                "{\"status\":\"@marie Bonjour, nous sommes désolés.\",\"in_reply_to_id\":\"" + foundId + "\"}");

        assertThat(critic.statusCode()).isEqualTo(200);
        assertThat(criticUrl).contains("/@marie/");
        assertThat(foundId).isEqualTo(criticPost.path("id").asText());
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(reply.body()).path("in_reply_to_id").asText()).isEqualTo(foundId);
        assertThat(JSON.readTree(reply.body()).path("in_reply_to_account_id").asText()).isEqualTo("marie");
    }

    @Test
    void aReplyToAStatusThatDoesNotExistIsNotFound() throws Exception {
        HttpResponse<String> reply = postStatus(PlatformEmulator.MASTODON_TOKEN, "reply-2",
                "{\"status\":\"Sorry.\",\"in_reply_to_id\":\"42\"}");

        assertThat(reply.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(reply.body()).path("error").asText()).isEqualTo("Record not found");
        assertThat(JSON.readTree(get("/emulator/mastodon/statuses").body())).isEmpty();
    }

    private HttpResponse<String> postStatus(String token, String idempotencyKey, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(emulator.url() + "/mastodon/api/v1/statuses"))
                .header("Authorization", "Bearer " + token).header("Idempotency-Key", idempotencyKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> sendPush(String accessToken, String deviceToken) throws Exception {
        String message = "{\"message\":{\"token\":\"" + deviceToken
                + "\",\"notification\":{\"title\":\"Crisis activated\",\"body\":\"Read your briefing\"}}}";
        return client.send(HttpRequest.newBuilder(URI.create(emulator.url()
                        + "/fcm/v1/projects/firebreak/messages:send"))
                .header("Authorization", "Bearer " + accessToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(message)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(emulator.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
