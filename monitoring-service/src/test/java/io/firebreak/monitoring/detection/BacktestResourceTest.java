package io.firebreak.monitoring.detection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import io.firebreak.devstack.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BacktestResourceTest {

    private static final String SERIES;

    static {
        StringBuilder csv = new StringBuilder("timestamp,value\n");
        for (int i = 0; i < 120; i++) {
            csv.append("2026-11-23T10:").append(String.format("%02d", i % 60)).append(":00Z,")
                    .append(i == 100 ? 4000 : 50 + i % 5).append('\n');
        }
        SERIES = csv.toString();
    }

    @Test
    void answersOneScoredRowPerInputRowInOrder() {
        for (String role : new String[] {"analyst", "admin"}) {
            String body = given().auth().oauth2(TestTokens.of("user-" + role, role))
                    .contentType("text/csv").accept("text/csv").body(SERIES)
                    .when().post("/api/backtest")
                    .then().statusCode(200)
                    .contentType(containsString("text/csv"))
                    .extract().asString();

            List<String> rows = body.lines().toList();
            assertThat(rows).hasSize(121);
            assertThat(rows.get(0)).isEqualTo("timestamp,value,anomaly_score,alert");
            assertThat(rows.get(1)).startsWith("2026-11-23T10:00:00Z,50,");
            assertThat(rows.get(101)).startsWith("2026-11-23T10:40:00Z,4000,").endsWith(",1");
            assertThat(rows.stream().skip(1).filter(row -> row.endsWith(",1"))).hasSize(1);
        }
    }

    @Test
    void aMalformedLineIsABadRequestNamingIt() {
        given().auth().oauth2(TestTokens.of("ana", "analyst"))
                .contentType("text/csv").body("timestamp,value\nt1,3\nt2,three\n")
                .when().post("/api/backtest")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("malformed-series"))
                .body("detail", containsString("line 3"));
    }

    @Test
    void withoutATokenIsUnauthorized() {
        given().contentType("text/csv").body(SERIES)
                .when().post("/api/backtest")
                .then().statusCode(401);
    }

    @Test
    void asCommunicatorIsForbidden() {
        given().auth().oauth2(TestTokens.of("cole", "communicator"))
                .contentType("text/csv").body(SERIES)
                .when().post("/api/backtest")
                .then().statusCode(403);
    }
}
