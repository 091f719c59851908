package io.firebreak.systemtests;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real access tokens from Keycloak for the demo users (password grant of the public CLI client). */
final class KeycloakTokens {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private KeycloakTokens() {
    }

    static String of(String user) {
        return CACHE.computeIfAbsent(user, KeycloakTokens::fetch);
    }

    /** The token's {@code sub}: how playbook-service names the person it assigns. */
    static String subjectOf(String user) {
        String payload = of(user).split("\\.")[1];
        String json = new String(java.util.Base64.getUrlDecoder().decode(payload), java.nio.charset.StandardCharsets.UTF_8);
        return io.restassured.path.json.JsonPath.from(json).getString("sub");
    }

    private static String fetch(String user) {
        return given().formParam("grant_type", "password")
                .formParam("client_id", "firebreak-cli")
                .formParam("username", user)
                .formParam("password", "demo")
                .when().post(RunningSystem.get().keycloakIssuer() + "/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }
}
