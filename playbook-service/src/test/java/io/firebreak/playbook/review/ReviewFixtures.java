package io.firebreak.playbook.review;

import static io.restassured.RestAssured.given;

import io.firebreak.devstack.testing.TestTokens;
import io.firebreak.playbook.playbook.PlaybookFixtures;
import io.restassured.http.ContentType;
import java.util.UUID;

/** Crises in the states a review needs, made through the API as a crisis manager would. */
public final class ReviewFixtures {

    public static final String CAROL = TestTokens.of("carol", "crisis-manager");

    private ReviewFixtures() {
    }

    public static String playbook() {
        return PlaybookFixtures.create(PlaybookFixtures.bankOutage(UUID.randomUUID(), "HIGH"));
    }

    /** An ACTIVE crisis following {@code playbookId}. */
    public static String activeCrisis(String playbookId) {
        String id = given().auth().oauth2(CAROL)
                .contentType(ContentType.JSON)
                .body("{\"title\":\"Bank app down\",\"severity\":\"HIGH\",\"playbookId\":\"" + playbookId + "\"}")
                .when().post("/api/crises")
                .then().statusCode(201).extract().path("id");
        post(CAROL, "/api/crises/" + id + "/activate", "{\"reason\":\"confirmed\"}", 200);
        return id;
    }

    /** A RESOLVED crisis (closed on a recorded decision not to apologise). */
    public static String resolvedCrisis(String playbookId) {
        String id = activeCrisis(playbookId);
        post(CAROL, "/api/crises/" + id + "/no-apology", "{\"reason\":\"supplier fault, explained\"}", 200);
        post(CAROL, "/api/crises/" + id + "/resolve", "{\"reason\":\"restored\"}", 200);
        return id;
    }

    public static String post(String token, String path, String body, int status) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post(path)
                .then().statusCode(status).extract().body().asString();
    }
}
