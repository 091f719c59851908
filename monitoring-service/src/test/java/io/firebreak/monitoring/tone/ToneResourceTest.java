package io.firebreak.monitoring.tone;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.firebreak.devstack.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ToneResourceTest {

    private static final String EVASIVE = """
            {"text":"Sur ce sujet : sans commentaire. Nous déclinons toute responsabilité."}""";

    @Test
    void anEvasiveStatementIsRefusedWithSpansAndReasons() {
        given().auth().oauth2(TestTokens.of("cole", "communicator"))
                .contentType(ContentType.JSON).body(EVASIVE)
                .when().post("/api/tone")
                .then().statusCode(200)
                .body("verdict", equalTo("REFUSED"))
                .body("language", equalTo("fr"))
                .body("findings.category", contains("EVASIVE", "EVASIVE"))
                .body("findings.excerpt", contains("sans commentaire", "déclinons toute responsabilité"))
                .body("findings[0].start", equalTo(15))
                .body("findings[0].end", equalTo(31));
    }

    @Test
    void aCourteousStatementHasNoFinding() {
        given().auth().oauth2(TestTokens.of("april", "approver"))
                .contentType(ContentType.JSON).body("""
                        {"text":"We apologise for the outage and will share what happened by Friday.","language":"en"}""")
                .when().post("/api/tone")
                .then().statusCode(200)
                .body("verdict", equalTo("COURTEOUS"))
                .body("findings", empty());
    }

    @Test
    void theServiceAccountOfPlaybookServiceMayCheck() {
        // playbook-service's client-credentials token: a service account holding analyst and communicator.
        String token = OidcWiremockTestResource.generateJwtToken("service-account-playbook-service",
                Set.of("analyst", "communicator"), "playbook-service-account", "Bearer");
        given().auth().oauth2(token)
                .contentType(ContentType.JSON).body(EVASIVE)
                .when().post("/api/tone")
                .then().statusCode(200);
    }

    @Test
    void crisisManagersAdminsAndAnalystsMayCheck() {
        for (String role : new String[] {"crisis-manager", "admin", "analyst"}) {
            given().auth().oauth2(TestTokens.of("user-" + role, role))
                    .contentType(ContentType.JSON).body(EVASIVE)
                    .when().post("/api/tone")
                    .then().statusCode(200);
        }
    }

    @Test
    void aMissingTextIsABadRequest() {
        given().auth().oauth2(TestTokens.of("cole", "communicator"))
                .contentType(ContentType.JSON).body("{}")
                .when().post("/api/tone")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void anUnsupportedLanguageIsABadRequest() {
        given().auth().oauth2(TestTokens.of("cole", "communicator"))
                .contentType(ContentType.JSON).body("""
                        {"text":"Kein Kommentar","language":"de"}""")
                .when().post("/api/tone")
                .then().statusCode(400)
                .body("type", endsWith("unsupported-language"));
    }

    @Test
    void withoutATokenIsUnauthorized() {
        given().contentType(ContentType.JSON).body(EVASIVE)
                .when().post("/api/tone")
                .then().statusCode(401);
    }

    @Test
    void asEmployeeIsForbidden() {
        given().auth().oauth2(TestTokens.of("emma", "employee"))
                .contentType(ContentType.JSON).body(EVASIVE)
                .when().post("/api/tone")
                .then().statusCode(403);
    }
}
