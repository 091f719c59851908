package io.firebreak.systemtests;

import static io.firebreak.devstack.FirebreakService.MONITORING;
import static io.firebreak.devstack.FirebreakService.NOTIFICATION;
import static io.firebreak.devstack.FirebreakService.PLAYBOOK;
import static io.firebreak.devstack.FirebreakService.PUBLISHING;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.firebreak.devstack.FirebreakService;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Every service trusts Keycloak's tokens and enforces the realm roles. */
class SecurityIT {

    @ParameterizedTest(name = "{0} {1}: 401 without token, 403 for {2}, 200 for {3}")
    @CsvSource({
            "MONITORING,   /api/signals,              employee,     analyst",
            "PLAYBOOK,     /api/crises,               employee,     crisis-manager",
            "PUBLISHING,   /api/publications/crises,  analyst,      communicator",
            "NOTIFICATION, /api/me/notifications,     ,             employee"})
    void protectedEndpointNeedsATokenAndTheRightRole(FirebreakService service, String path, String wrongUser,
                                                       String rightUser) {
        String url = RunningSystem.url(service) + path;

        given().when().get(url).then().statusCode(401);
        given().auth().oauth2("not-a-token").when().get(url).then().statusCode(401);
        if (wrongUser != null) {
            given().auth().oauth2(KeycloakTokens.of(wrongUser)).when().get(url).then().statusCode(403);
        }
        given().auth().oauth2(KeycloakTokens.of(rightUser)).when().get(url).then().statusCode(200);
    }

    @ParameterizedTest
    @EnumSource(FirebreakService.class)
    void everyServiceIsReadyWithItsDatabaseAndKafka(FirebreakService service) {
        given().when().get(RunningSystem.url(service) + "/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"));
    }

    @ParameterizedTest
    @EnumSource(FirebreakService.class)
    void unknownIdAnswersProblemJson(FirebreakService service) {
        String path = switch (service) {
            case MONITORING -> "/api/signals/";
            case PLAYBOOK -> "/api/crises/";
            case PUBLISHING -> "/api/publications/crises/";
            case NOTIFICATION -> "/api/notifications/crises/";
        };
        String user = service == MONITORING ? "analyst" : service == PUBLISHING ? "communicator" : "crisis-manager";
        given().auth().oauth2(KeycloakTokens.of(user))
                .when().get(RunningSystem.url(service) + path + UUID.randomUUID())
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://firebreak.io/problems/not-found"));
    }

    @ParameterizedTest
    @EnumSource(FirebreakService.class)
    void everyServicePublishesItsOpenApiAndMetrics(FirebreakService service) {
        given().when().get(RunningSystem.url(service) + "/q/openapi?format=json")
                .then().statusCode(200)
                .body("paths.keySet()", hasItems(
                        service == MONITORING ? "/api/signals" : service == PLAYBOOK ? "/api/crises"
                                : service == PUBLISHING ? "/api/publications/crises" : "/api/me/notifications"));
        given().when().get(RunningSystem.url(service) + "/q/metrics")
                .then().statusCode(200);
    }
}
