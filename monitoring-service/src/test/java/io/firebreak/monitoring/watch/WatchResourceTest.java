package io.firebreak.monitoring.watch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.devstack.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WatchResourceTest {

    private static final String ACME = """
            {"name":"Acme bank","query":"acme (panne OR outage) -job","languages":["fr","en"],"sources":["mastodon"]}""";

    private static String create(String token, String body) {
        return given().auth().oauth2(token)
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/watches")
                .then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void creatingAnswersWithTheLocationOfTheWatch() {
        var created = given().auth().oauth2(TestTokens.of("ana", "analyst"))
                .contentType(ContentType.JSON).body(ACME)
                .when().post("/api/watches")
                .then().statusCode(201)
                .extract();

        assertThat(created.header("Location")).endsWith("/api/watches/" + created.path("id"));
    }

    @Test
    void createdWatchIsStoredWithItsCreator() {
        String id = create(TestTokens.of("ana", "analyst"), ACME);

        given().auth().oauth2(TestTokens.of("adam", "admin"))
                .when().get("/api/watches/" + id)
                .then().statusCode(200)
                .body("name", equalTo("Acme bank"))
                .body("query", equalTo("acme (panne OR outage) -job"))
                .body("languages", contains("fr", "en"))
                .body("sources", contains("mastodon"))
                .body("createdBy", equalTo("ana"));
        given().auth().oauth2(TestTokens.of("ana", "analyst"))
                .when().get("/api/watches?size=500")
                .then().statusCode(200)
                .body("id", hasItem(id));
    }

    @Test
    void updatingReplacesTheWatch() {
        String id = create(TestTokens.of("ana", "analyst"), ACME);

        given().auth().oauth2(TestTokens.of("ana", "analyst"))
                .contentType(ContentType.JSON).body("""
                        {"name":"Acme","query":"#acmefail OR @acme"}""")
                .when().put("/api/watches/" + id)
                .then().statusCode(200)
                .body("name", equalTo("Acme"))
                .body("languages", empty())
                .body("sources", empty());
        given().auth().oauth2(TestTokens.of("ana", "analyst"))
                .when().get("/api/watches/" + id)
                .then().statusCode(200)
                .body("query", equalTo("#acmefail OR @acme"));
    }

    @Test
    void deletingRemovesTheWatch() {
        String id = create(TestTokens.of("ana", "analyst"), ACME);

        given().auth().oauth2(TestTokens.of("ana", "analyst"))
                .when().delete("/api/watches/" + id)
                .then().statusCode(204);
        given().auth().oauth2(TestTokens.of("ana", "analyst"))
                .when().get("/api/watches/" + id)
                .then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.of("ana", "analyst"))
                .when().get("/api/watches?size=500")
                .then().body("id", not(hasItem(id)));
    }

    @Test
    void unbalancedQuotesAreABadRequestNamingThePosition() {
        given().auth().oauth2(TestTokens.of("ana", "analyst"))
                .contentType(ContentType.JSON).body("""
                        {"name":"Acme","query":"acme \\"service client"}""")
                .when().post("/api/watches")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("invalid-query"))
                .body("detail", containsString("position 5"));
    }

    @Test
    void aBlankNameOrAnUnsupportedLanguageIsABadRequest() {
        given().auth().oauth2(TestTokens.of("ana", "analyst"))
                .contentType(ContentType.JSON).body("""
                        {"name":" ","query":"acme"}""")
                .when().post("/api/watches")
                .then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.of("ana", "analyst"))
                .contentType(ContentType.JSON).body("""
                        {"name":"Acme","query":"acme","languages":["de"]}""")
                .when().post("/api/watches")
                .then().statusCode(400)
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void anUnknownWatchIsNotFound() {
        given().auth().oauth2(TestTokens.of("ana", "analyst"))
                .contentType(ContentType.JSON).body(ACME)
                .when().put("/api/watches/" + UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void withoutATokenIsUnauthorized() {
        given().when().get("/api/watches").then().statusCode(401);
        given().contentType(ContentType.JSON).body(ACME).when().post("/api/watches").then().statusCode(401);
    }

    @Test
    void communicatorsMayNotManageWatches() {
        given().auth().oauth2(TestTokens.of("cole", "communicator"))
                .contentType(ContentType.JSON).body(ACME)
                .when().post("/api/watches")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.of("cole", "communicator"))
                .when().get("/api/watches")
                .then().statusCode(403);
    }
}
