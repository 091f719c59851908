package io.firebreak.monitoring.sentiment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.firebreak.devstack.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Collections;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SentimentResourceTest {

    private static final String BATCH = """
            {"texts":["Le service client est vraiment nul 😡","Great support, thanks!","The shop opens at 9"]}""";

    @Test
    void scoresABatchInOrderWithLanguageAndCues() {
        given().auth().oauth2(TestTokens.of("ana", "analyst"))
                .contentType(ContentType.JSON).body(BATCH)
                .when().post("/api/sentiment")
                .then().statusCode(200)
                .body("results", hasSize(3))
                .body("results.label", contains("negative", "positive", "neutral"))
                .body("results.language", contains("fr", "en", "en"))
                .body("results[0].cues", hasItem("😡"))
                .body("results[2].score", equalTo(0.0f));
    }

    @Test
    void aGivenLanguageIsUsedForEveryText() {
        given().auth().oauth2(TestTokens.of("cole", "communicator"))
                .contentType(ContentType.JSON).body("""
                        {"texts":["super"],"language":"fr"}""")
                .when().post("/api/sentiment")
                .then().statusCode(200)
                .body("results[0].language", equalTo("fr"))
                .body("results[0].label", equalTo("positive"));
    }

    @Test
    void anUnsupportedLanguageIsABadRequest() {
        given().auth().oauth2(TestTokens.of("ana", "analyst"))
                .contentType(ContentType.JSON).body("""
                        {"texts":["hallo"],"language":"de"}""")
                .when().post("/api/sentiment")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("unsupported-language"));
    }

    @Test
    void moreThanAThousandTextsIsABadRequest() {
        String texts = String.join(",", Collections.nCopies(SentimentDtos.MAX_TEXTS + 1, "\"ok\""));

        given().auth().oauth2(TestTokens.of("ana", "analyst"))
                .contentType(ContentType.JSON).body("{\"texts\":[" + texts + "]}")
                .when().post("/api/sentiment")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void anEmptyBatchIsABadRequest() {
        given().auth().oauth2(TestTokens.of("ana", "analyst"))
                .contentType(ContentType.JSON).body("{\"texts\":[]}")
                .when().post("/api/sentiment")
                .then().statusCode(400);
    }

    @Test
    void withoutATokenIsUnauthorized() {
        given().contentType(ContentType.JSON).body(BATCH)
                .when().post("/api/sentiment")
                .then().statusCode(401);
    }

    @Test
    void asEmployeeIsForbidden() {
        given().auth().oauth2(TestTokens.of("emma", "employee"))
                .contentType(ContentType.JSON).body(BATCH)
                .when().post("/api/sentiment")
                .then().statusCode(403);
    }

    @Test
    void crisisManagersAndAdminsMayScore() {
        for (String role : new String[] {"crisis-manager", "admin"}) {
            given().auth().oauth2(TestTokens.of("user-" + role, role))
                    .contentType(ContentType.JSON).body(BATCH)
                    .when().post("/api/sentiment")
                    .then().statusCode(200);
        }
    }
}
