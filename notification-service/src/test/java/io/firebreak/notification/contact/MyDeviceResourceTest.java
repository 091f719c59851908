package io.firebreak.notification.contact;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.firebreak.devstack.testing.TestTokens;
import io.firebreak.notification.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MyDeviceResourceTest {

    private static final String APNS = "0123456789abcdef".repeat(4);

    private static String register(String user, Map<String, Object> body, int status) {
        return given().auth().oauth2(TestTokens.of(user, "employee")).contentType(ContentType.JSON).body(body)
                .when().post("/api/me/devices")
                .then().statusCode(status)
                .extract().path("id");
    }

    @Test
    void employeeRegistersAnIphoneAndSeesItInTheirDevices() {
        String id = register("dana", Map.of("platform", "IOS", "token", APNS, "appVersion", "1.4.0",
                "locale", "fr-FR"), 201);

        given().auth().oauth2(TestTokens.of("dana", "employee"))
                .when().get("/api/me/devices")
                .then().statusCode(200)
                .body("find { it.id == '" + id + "' }.platform", equalTo("IOS"))
                .body("find { it.id == '" + id + "' }.appVersion", equalTo("1.4.0"))
                .body("find { it.id == '" + id + "' }.tokenEnding", equalTo("abcdef"));
    }

    @Test
    void reRegisteringTheSameTokenRefreshesTheDeviceInsteadOfAddingOne() {
        String token = "fcm-" + UUID.randomUUID() + ":APA91b";
        String first = register("emil", Map.of("platform", "ANDROID", "token", token, "appVersion", "1.0"), 201);
        String again = register("emil", Map.of("platform", "ANDROID", "token", token, "appVersion", "1.1"), 200);

        org.assertj.core.api.Assertions.assertThat(again).isEqualTo(first);
        given().auth().oauth2(TestTokens.of("emil", "employee"))
                .when().get("/api/me/devices")
                .then().statusCode(200)
                .body("findAll { it.id == '" + first + "' }.appVersion", equalTo(java.util.List.of("1.1")));
    }

    @Test
    void malformedTokensAreRefusedWithTheReason() {
        given().auth().oauth2(TestTokens.of("dana", "employee")).contentType(ContentType.JSON)
                .body(Map.of("platform", "IOS", "token", "not-hex"))
                .when().post("/api/me/devices")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://firebreak.io/problems/invalid-device-token"))
                .body("errors[0].field", equalTo("token"));

        given().auth().oauth2(TestTokens.of("dana", "employee")).contentType(ContentType.JSON)
                .body(Map.of("platform", "ANDROID", "token", "x".repeat(4097)))
                .when().post("/api/me/devices")
                .then().statusCode(400)
                .body("type", equalTo("https://firebreak.io/problems/invalid-device-token"));

        given().auth().oauth2(TestTokens.of("dana", "employee")).contentType(ContentType.JSON)
                .body(Map.of("platform", "WINDOWS_PHONE", "token", "abc"))
                .when().post("/api/me/devices")
                .then().statusCode(400).contentType("application/problem+json");

        given().auth().oauth2(TestTokens.of("dana", "employee")).contentType(ContentType.JSON)
                .body(Map.of("token", "abc"))
                .when().post("/api/me/devices")
                .then().statusCode(400)
                .body("type", equalTo("https://firebreak.io/problems/validation"));
    }

    @Test
    void nobodySeesOrRemovesAnotherPersonsDevice() {
        String id = register("fred", Map.of("platform", "IOS", "token", APNS), 201);

        given().auth().oauth2(TestTokens.of("gina", "employee"))
                .when().get("/api/me/devices")
                .then().statusCode(200)
                .body("id", not(hasItem(id)));
        given().auth().oauth2(TestTokens.of("gina", "employee"))
                .when().delete("/api/me/devices/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.of("fred", "employee"))
                .when().get("/api/me/devices")
                .then().statusCode(200)
                .body("id", hasItem(id));
    }

    @Test
    void ownerRemovesTheirDevice() {
        String id = register("hugo", Map.of("platform", "IOS", "token", APNS), 201);

        given().auth().oauth2(TestTokens.of("hugo", "employee"))
                .when().delete("/api/me/devices/" + id)
                .then().statusCode(204);
        given().auth().oauth2(TestTokens.of("hugo", "employee"))
                .when().get("/api/me/devices")
                .then().statusCode(200)
                .body("findAll { it.id == '" + id + "' }", empty());
    }

    @Test
    void devicesNeedAToken() {
        given().when().get("/api/me/devices").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("platform", "IOS", "token", APNS))
                .when().post("/api/me/devices").then().statusCode(401);
        given().when().delete("/api/me/devices/" + UUID.randomUUID()).then().statusCode(401);
    }

    @Test
    void devicesAreForEmployeesOnly() {
        given().auth().oauth2(TestUsers.withoutEmployeeRole("bot")).when().get("/api/me/devices")
                .then().statusCode(403);
        given().auth().oauth2(TestUsers.withoutEmployeeRole("bot")).contentType(ContentType.JSON)
                .body(Map.of("platform", "IOS", "token", APNS))
                .when().post("/api/me/devices").then().statusCode(403);
    }
}
