package io.firebreak.publishing.channel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.firebreak.devstack.testing.InfrastructureTestResource;
import io.firebreak.devstack.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChannelResourceTest {

    static String admin() {
        return TestTokens.of("ada", "admin");
    }

    /** Creates a channel as admin and returns its id. */
    public static String createChannel(Map<String, Object> body) {
        return given().auth().oauth2(admin()).contentType(ContentType.JSON).body(body)
                .when().post("/api/channels")
                .then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> mastodon(String token) {
        return Map.of("name", "Brand on Mastodon", "platform", "MASTODON", "baseUrl", "https://mastodon.example",
                "credentials", Map.of("accessToken", token));
    }

    @Test
    void adminCreatesAChannelWhoseCredentialsNeverComeBack() {
        String id = given().auth().oauth2(admin()).contentType(ContentType.JSON).body(mastodon("tok-visible-nowhere"))
                .when().post("/api/channels")
                .then().statusCode(201)
                .header("Location", containsString("/api/channels/"))
                .body("platform", equalTo("MASTODON"))
                .body("hasCredentials", equalTo(true))
                .body("status", equalTo("ACTIVE"))
                .body("createdBy", equalTo("ada"))
                .body(not(containsString("tok-visible-nowhere")))
                .extract().path("id");

        String listed = given().auth().oauth2(TestTokens.of("cole", "communicator"))
                .when().get("/api/channels").then().statusCode(200).extract().asString();
        assertThat(listed).contains(id).doesNotContain("tok-visible-nowhere").doesNotContain("credentials\"");
        given().auth().oauth2(admin()).when().get("/api/channels/" + id)
                .then().statusCode(200).body(not(containsString("tok-visible-nowhere")));
    }

    @Test
    void credentialsAreEncryptedAtRest() throws Exception {
        String id = createChannel(mastodon("tok-at-rest-check"));
        try (var connection = DriverManager.getConnection(InfrastructureTestResource.jdbcUrl(),
                InfrastructureTestResource.DATABASE, InfrastructureTestResource.DATABASE);
             var statement = connection.prepareStatement("select credentials_encrypted from channel where id = ?")) {
            statement.setObject(1, UUID.fromString(id));
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).startsWith("v1:").doesNotContain("tok-at-rest-check");
            }
        }
    }

    @Test
    void adminReplacesCredentials() {
        String id = createChannel(Map.of("name", "Bluesky", "platform", "BLUESKY",
                "credentials", Map.of("identifier", "brand.bsky.social", "appPassword", "aaaa-bbbb")));
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("credentials", Map.of("identifier", "brand.bsky.social", "appPassword", "cccc-dddd")))
                .when().put("/api/channels/" + id + "/credentials")
                .then().statusCode(200).body("hasCredentials", equalTo(true))
                .body(not(containsString("cccc-dddd")));
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("credentials", Map.of("identifier", "brand.bsky.social")))
                .when().put("/api/channels/" + id + "/credentials")
                .then().statusCode(400).body("errors.field", hasItem("credentials.appPassword"));
    }

    @Test
    void mastodonWithoutInstanceOrTokenIsRejectedWithEachReason() {
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "m", "platform", "MASTODON", "credentials", Map.of("acessToken", "typo")))
                .when().post("/api/channels")
                .then().statusCode(400)
                .contentType(containsString("problem+json"))
                .body("type", containsString("invalid-channel"))
                .body("errors.field", hasItem("baseUrl"))
                .body("errors.field", hasItem("credentials.accessToken"))
                .body("errors.field", hasItem("credentials.acessToken"));
    }

    @Test
    void telegramNeedsItsChatAndAnUnknownPlatformIsABadRequest() {
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "t", "platform", "TELEGRAM", "credentials", Map.of("botToken", "1:x")))
                .when().post("/api/channels")
                .then().statusCode(400).body("errors.field", hasItem("account"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "t", "platform", "MYSPACE"))
                .when().post("/api/channels")
                .then().statusCode(400);
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "w", "platform", "GENERIC_WEBHOOK", "baseUrl", "ftp://x",
                        "credentials", Map.of("secret", "s")))
                .when().post("/api/channels")
                .then().statusCode(400).body("errors.field", hasItem("baseUrl"));
    }

    @Test
    void rulesOfAChannelFollowItsPlatform() {
        String x = createChannel(Map.of("name", "X", "platform", "X", "credentials", Map.of("accessToken", "t")));
        given().auth().oauth2(TestTokens.of("cole", "communicator"))
                .when().get("/api/channels/" + x + "/rules")
                .then().statusCode(200)
                .body("maxLength", equalTo(280))
                .body("counting", equalTo("X_WEIGHTED"))
                .body("urlLength", equalTo(23))
                .body("threads", equalTo(true))
                .body("replies", equalTo(true));
        String mastodon = createChannel(Map.of("name", "Big instance", "platform", "MASTODON",
                "baseUrl", "https://big.example", "maxLength", 5000, "credentials", Map.of("accessToken", "t")));
        given().auth().oauth2(admin()).when().get("/api/channels/" + mastodon + "/rules")
                .then().statusCode(200).body("maxLength", equalTo(5000));
        given().auth().oauth2(admin()).when().get("/api/channels/" + UUID.randomUUID() + "/rules")
                .then().statusCode(404);
    }

    @Test
    void validateSaysPerChannelWhatIsWrongAndWhere() {
        String x = createChannel(Map.of("name", "X", "platform", "X", "credentials", Map.of("accessToken", "t")));
        String linkedin = createChannel(Map.of("name", "LinkedIn", "platform", "LINKEDIN_ORG",
                "account", "urn:li:organization:1", "credentials", Map.of("accessToken", "t")));
        String text = "a".repeat(300);
        given().auth().oauth2(TestTokens.of("cole", "communicator")).contentType(ContentType.JSON)
                .body(Map.of("text", text, "channelIds", List.of(x, linkedin), "allowThread", false))
                .when().post("/api/channels/validate")
                .then().statusCode(200)
                .body("ok", equalTo(false))
                .body("channels[0].channelId", equalTo(x))
                .body("channels[0].ok", equalTo(false))
                .body("channels[0].problem", equalTo("TOO_LONG"))
                .body("channels[0].overflow", equalTo(20))
                .body("channels[0].overflowAt", equalTo(280))
                .body("channels[1].ok", equalTo(true))
                .body("channels[1].posts", equalTo(1));
        given().auth().oauth2(TestTokens.of("cole", "communicator")).contentType(ContentType.JSON)
                .body(Map.of("text", text, "channelIds", List.of(x), "allowThread", true))
                .when().post("/api/channels/validate")
                .then().statusCode(200)
                .body("ok", equalTo(true))
                .body("channels[0].posts", equalTo(2))
                .body("channels[0].parts[0]", containsString("(1/2)"));
    }

    @Test
    void onlyChannelsThatCanPostInACriticsThreadSayTheyReply() {
        String linkedin = createChannel(Map.of("name", "LinkedIn", "platform", "LINKEDIN_ORG",
                "account", "urn:li:organization:1", "credentials", Map.of("accessToken", "t")));
        given().auth().oauth2(TestTokens.of("cole", "communicator")).when().get("/api/channels/" + linkedin + "/rules")
                .then().statusCode(200).body("replies", equalTo(false));
    }

    @Test
    void validatingAReplySaysWhichChannelsCannotPostItAndChecksItAsOnePost() {
        String x = createChannel(Map.of("name", "X", "platform", "X", "credentials", Map.of("accessToken", "t")));
        String mastodon = createChannel(mastodon("t"));
        String linkedin = createChannel(Map.of("name", "LinkedIn", "platform", "LINKEDIN_ORG",
                "account", "urn:li:organization:1", "credentials", Map.of("accessToken", "t")));
        given().auth().oauth2(TestTokens.of("cole", "communicator")).contentType(ContentType.JSON)
                .body(Map.of("text", "We hear you, a fix is coming.", "channelIds", List.of(x, mastodon, linkedin),
                        "replyToPlatform", "twitter"))
                .when().post("/api/channels/validate")
                .then().statusCode(200)
                .body("ok", equalTo(false))
                .body("channels[0].ok", equalTo(true))
                .body("channels[0].posts", equalTo(1))
                .body("channels[1].ok", equalTo(false))
                .body("channels[1].problem", equalTo("reply-platform-mismatch"))
                .body("channels[1].detail", containsString("twitter"))
                .body("channels[2].ok", equalTo(false))
                .body("channels[2].problem", equalTo("replies-not-supported"))
                .body("channels[2].detail", containsString("LINKEDIN_ORG"));
        // A thread would fit, but a reply is one post.
        given().auth().oauth2(TestTokens.of("cole", "communicator")).contentType(ContentType.JSON)
                .body(Map.of("text", "a".repeat(300), "channelIds", List.of(x), "allowThread", true,
                        "replyToPlatform", "x"))
                .when().post("/api/channels/validate")
                .then().statusCode(200)
                .body("ok", equalTo(false))
                .body("channels[0].problem", equalTo("TOO_LONG"))
                .body("channels[0].overflow", equalTo(20));
    }

    @Test
    void validatingAgainstAnUnknownChannelIsABadRequest() {
        given().auth().oauth2(TestTokens.of("cole", "communicator")).contentType(ContentType.JSON)
                .body(Map.of("text", "hello", "channelIds", List.of(UUID.randomUUID().toString())))
                .when().post("/api/channels/validate")
                .then().statusCode(400).body("type", containsString("unknown-channel"));
        given().auth().oauth2(TestTokens.of("cole", "communicator")).contentType(ContentType.JSON)
                .body(Map.of("text", "", "channelIds", List.of()))
                .when().post("/api/channels/validate")
                .then().statusCode(400);
    }

    @Test
    void creatingWithoutATokenIsUnauthorized() {
        given().contentType(ContentType.JSON).body(mastodon("t")).when().post("/api/channels").then().statusCode(401);
        given().when().get("/api/channels").then().statusCode(401);
    }

    @Test
    void onlyAdminsCreateOrChangeChannels() {
        given().auth().oauth2(TestTokens.of("cole", "communicator")).contentType(ContentType.JSON)
                .body(mastodon("t")).when().post("/api/channels").then().statusCode(403);
        String id = createChannel(mastodon("t"));
        given().auth().oauth2(TestTokens.of("cole", "communicator")).contentType(ContentType.JSON)
                .body(Map.of("credentials", Map.of("accessToken", "stolen")))
                .when().put("/api/channels/" + id + "/credentials").then().statusCode(403);
    }

    @Test
    void analystsCannotSeeChannels() {
        given().auth().oauth2(TestTokens.of("anna", "analyst")).when().get("/api/channels").then().statusCode(403);
        given().auth().oauth2(TestTokens.of("anna", "analyst")).contentType(ContentType.JSON)
                .body(Map.of("text", "x", "channelIds", List.of(UUID.randomUUID().toString())))
                .when().post("/api/channels/validate").then().statusCode(403);
    }
}
