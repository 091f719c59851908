package io.firebreak.publishing.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.firebreak.devstack.testing.TestTokens;
import io.firebreak.publishing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChannelVerifyTest {

    private static WireMockServer mastodon;

    @BeforeAll
    static void start() {
        mastodon = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        mastodon.start();
        mastodon.stubFor(get(urlEqualTo("/api/v1/accounts/verify_credentials"))
                .withHeader("Authorization", equalTo("Bearer good-token"))
                .willReturn(okJson("{\"id\":\"1\",\"acct\":\"brand\"}")));
        mastodon.stubFor(get(urlEqualTo("/api/v1/accounts/verify_credentials"))
                .withHeader("Authorization", equalTo("Bearer wrong-token"))
                .willReturn(aResponse().withStatus(401).withBody("{\"error\":\"The access token is invalid\"}")));
        mastodon.stubFor(get(urlEqualTo("/api/v1/accounts/verify_credentials"))
                .withHeader("Authorization", equalTo("Bearer busy-token"))
                .willReturn(aResponse().withStatus(503)));
        mastodon.stubFor(get(urlEqualTo("/api/v2/instance"))
                .willReturn(okJson("{\"configuration\":{\"statuses\":{\"max_characters\":1000}}}")));
    }

    @AfterAll
    static void stop() {
        mastodon.stop();
    }

    private static String admin() {
        return TestTokens.of("ada", "admin");
    }

    @Test
    void verifyingReadsTheInstanceLimitWithoutPosting() {
        String id = Fixtures.mastodonChannel(mastodon.baseUrl(), "good-token");
        given().auth().oauth2(admin()).when().post("/api/channels/" + id + "/verify")
                .then().statusCode(200)
                .body("ok", Matchers.equalTo(true))
                .body("account", Matchers.equalTo("brand"))
                .body("maxLength", Matchers.equalTo(1000));
        given().auth().oauth2(admin()).when().get("/api/channels/" + id + "/rules")
                .then().statusCode(200).body("maxLength", Matchers.equalTo(1000));
        given().auth().oauth2(admin()).when().get("/api/channels/" + id)
                .then().body("verifiedAt", Matchers.notNullValue());
        mastodon.verify(0, postRequestedFor(urlMatching(".*")));
    }

    @Test
    void aWrongTokenIsAClearClientErrorAndBreaksTheChannel() {
        String id = Fixtures.mastodonChannel(mastodon.baseUrl(), "wrong-token");
        given().auth().oauth2(admin()).when().post("/api/channels/" + id + "/verify")
                .then().statusCode(422)
                .body("type", containsString("credentials-refused"))
                .body("detail", containsString("The access token is invalid"));
        given().auth().oauth2(admin()).when().get("/api/channels/" + id)
                .then().body("status", Matchers.equalTo("BROKEN"))
                .body("lastError", containsString("401"));
    }

    @Test
    void anUnavailablePlatformLeavesTheChannelAsItWas() {
        String id = Fixtures.mastodonChannel(mastodon.baseUrl(), "busy-token");
        given().auth().oauth2(admin()).when().post("/api/channels/" + id + "/verify")
                .then().statusCode(502).body("type", containsString("platform-unavailable"));
        given().auth().oauth2(admin()).when().get("/api/channels/" + id)
                .then().body("status", Matchers.equalTo("ACTIVE"));
    }

    @Test
    void onlyAdminsVerify() {
        given().when().post("/api/channels/" + UUID.randomUUID() + "/verify").then().statusCode(401);
        given().auth().oauth2(TestTokens.of("cole", "communicator"))
                .when().post("/api/channels/" + UUID.randomUUID() + "/verify").then().statusCode(403);
        given().auth().oauth2(admin()).when().post("/api/channels/" + UUID.randomUUID() + "/verify")
                .then().statusCode(404);
    }
}
