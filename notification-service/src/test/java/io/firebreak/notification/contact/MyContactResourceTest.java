package io.firebreak.notification.contact;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import io.firebreak.devstack.testing.TestTokens;
import io.firebreak.notification.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MyContactResourceTest {

    @Test
    void emailDefaultsToTheProfileUntilThePersonGivesAnother() {
        String token = TestUsers.employeeWithEmail("ines", "ines@firebreak.local");

        given().auth().oauth2(token).when().get("/api/me/contact")
                .then().statusCode(200)
                .body("email", equalTo("ines@firebreak.local"))
                .body("emailFromProfile", equalTo(true))
                .body("language", equalTo("en"));

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("phone", "+33612345678", "language", "fr",
                        "quietHours", Map.of("from", "22:00", "until", "07:00", "timeZone", "Europe/Paris")))
                .when().put("/api/me/contact")
                .then().statusCode(200)
                .body("email", equalTo("ines@firebreak.local"))
                .body("phone", equalTo("+33612345678"));

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("email", "ines.private@example.org", "language", "fr"))
                .when().put("/api/me/contact")
                .then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/me/contact")
                .then().statusCode(200)
                .body("email", equalTo("ines.private@example.org"))
                .body("emailFromProfile", equalTo(false))
                .body("language", equalTo("fr"))
                .body("phone", nullValue());
    }

    @Test
    void quietHoursAreKeptInThePersonsZone() {
        String token = TestTokens.of("jack", "employee");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("language", "en",
                        "quietHours", Map.of("from", "22:00", "until", "07:00", "timeZone", "Europe/Paris")))
                .when().put("/api/me/contact")
                .then().statusCode(200);

        given().auth().oauth2(token).when().get("/api/me/contact")
                .then().statusCode(200)
                .body("quietHours.from", equalTo("22:00:00"))
                .body("quietHours.until", equalTo("07:00:00"))
                .body("quietHours.timeZone", equalTo("Europe/Paris"));
    }

    @Test
    void invalidContactPointsAreRefusedFieldByField() {
        Map<String, Object> body = new HashMap<>();
        body.put("phone", "06 12 34 56 78");
        body.put("language", "de");
        body.put("email", "not-an-address");
        body.put("quietHours", Map.of("from", "22:00", "until", "07:00", "timeZone", "Mars/Olympus"));

        given().auth().oauth2(TestTokens.of("kim", "employee")).contentType(ContentType.JSON).body(body)
                .when().put("/api/me/contact")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://firebreak.io/problems/invalid-contact"))
                .body("errors.field", hasItems("phone", "language", "email", "quietHours.timeZone"));

        given().auth().oauth2(TestTokens.of("kim", "employee")).when().get("/api/me/contact")
                .then().statusCode(200)
                .body("phone", nullValue());
    }

    @Test
    void eachPersonSeesOnlyTheirOwnContactPoints() {
        given().auth().oauth2(TestTokens.of("lea", "employee")).contentType(ContentType.JSON)
                .body(Map.of("phone", "+14155550123", "language", "en"))
                .when().put("/api/me/contact")
                .then().statusCode(200);

        given().auth().oauth2(TestTokens.of("max", "employee")).when().get("/api/me/contact")
                .then().statusCode(200)
                .body("phone", nullValue());
    }

    @Test
    void contactPointsNeedAToken() {
        given().when().get("/api/me/contact").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("language", "en"))
                .when().put("/api/me/contact").then().statusCode(401);
        given().auth().oauth2(TestUsers.withoutEmployeeRole("bot")).when().get("/api/me/contact")
                .then().statusCode(403);
    }
}
