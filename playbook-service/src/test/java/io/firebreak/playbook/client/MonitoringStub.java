package io.firebreak.playbook.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.and;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.notMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * monitoring-service's {@code POST /api/tone} and the OIDC token endpoint, as WireMock enforcing their contract:
 * a token only for playbook-service's client credentials, and a tone answer only with that bearer token and a
 * JSON body carrying {@code text}. Anything else gets 401/400, so a client that skips the token fails tests.
 * A text containing {@value #UNREACHABLE} gets its connection reset: monitoring-service is down.
 */
public class MonitoringStub implements QuarkusTestResourceLifecycleManager {

    public static final String UNREACHABLE = "MONITORING-IS-DOWN";
    static final String SECRET = "test-playbook-secret";
    public static final String TOKEN = "playbook-service-cc-token";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        String basic = Base64.getEncoder()
                .encodeToString(("playbook-service:" + SECRET).getBytes(StandardCharsets.UTF_8));

        server.stubFor(post(urlEqualTo("/token")).atPriority(10)
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_client\"}")));
        server.stubFor(post(urlEqualTo("/token")).atPriority(1)
                .withHeader("Authorization", equalTo("Basic " + basic))
                .withRequestBody(containing("grant_type=client_credentials"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":300}")));

        server.stubFor(post(urlEqualTo("/api/tone")).atPriority(10)
                .willReturn(aResponse().withStatus(401)));
        server.stubFor(post(urlEqualTo("/api/tone")).atPriority(5)
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(matchingJsonPath("$.text"))
                .willReturn(json("""
                        {"verdict":"COURTEOUS","language":"en","findings":[],"checkedBy":"service-account"}""")));
        server.stubFor(post(urlEqualTo("/api/tone")).atPriority(2)
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(matchingJsonPath("$.text", containing("no comment")))
                .willReturn(json("""
                        {"verdict":"REFUSED","language":"en","findings":[
                          {"category":"EVASIVE","severity":"MAJOR","start":0,"end":10,"excerpt":"no comment",
                           "reason":"refuses to answer"},
                          {"category":"BLAMING","severity":"MAJOR","start":12,"end":49,
                           "excerpt":"some ill-intentioned users are spreading lies",
                           "reason":"puts the fault on the public"}]}""")));
        server.stubFor(post(urlEqualTo("/api/tone")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.text", containing(UNREACHABLE)))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        mentions();

        String base = "http://localhost:" + server.port();
        return Map.of(
                "quarkus.rest-client.monitoring.url", base,
                "quarkus.oidc-client.auth-server-url", base,
                "quarkus.oidc-client.discovery-enabled", "false",
                "quarkus.oidc-client.token-path", "/token",
                "quarkus.oidc-client.credentials.secret", SECRET);
    }

    /**
     * {@code GET /api/mentions} and {@code GET /api/mentions/{id}} as the contract says: the bearer token (else 401);
     * {@code watch} a UUID, {@code since}/{@code until} ISO instants, {@code sentiment} negative|neutral|positive,
     * {@code page} 0 or more, {@code size} 1 to 100 (else 400 problem+json); a well-formed list query nobody stubbed
     * answers an empty list, a mention nobody stubbed 404 problem+json. Tests stub mentions through {@link Mentions}.
     */
    private void mentions() {
        server.stubFor(get(urlPathMatching("/api/mentions(/.*)?")).atPriority(10)
                .willReturn(aResponse().withStatus(401)));
        server.stubFor(get(urlPathMatching("/api/mentions/.+")).atPriority(8)
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(problem(404, "not-found", "mention does not exist")));
        server.stubFor(get(urlPathEqualTo("/api/mentions")).atPriority(8)
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(problem(400, "validation", "watch is required; since/until ISO instants; "
                        + "sentiment negative|neutral|positive; page >= 0; size 1..100")));
        // A parameter given must match its pattern (matching(".*") keeps an absent parameter out of this stub).
        Mentions.PARAMETERS.forEach((param, pattern) -> server.stubFor(get(urlPathEqualTo("/api/mentions")).atPriority(2)
                .withQueryParam(param, and(matching(".*"), notMatching(pattern)))
                .willReturn(problem(400, "validation", param + " is malformed"))));
        server.stubFor(Mentions.wellFormedQuery().atPriority(7)
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(json("[]")));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder problem(int status, String type,
                                                                                             String detail) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"https://firebreak.io/problems/" + type + "\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\"}");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
