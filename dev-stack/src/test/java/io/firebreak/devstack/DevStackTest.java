package io.firebreak.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.devstack.DevStack.ComponentStatus;
import io.firebreak.devstack.DevStack.State;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The real infrastructure (PostgreSQL, Kafka, GreenMail, the platform emulator, Keycloak with the firebreak realm) as system tests start it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DevStackTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static DevStack stack;

    @BeforeAll
    static void startInfrastructure() {
        Path home = Path.of(System.getProperty("java.io.tmpdir"), "dev-stack-test");
        stack = DevStack.forTests(home, Path.of("..").toAbsolutePath().normalize(), Map.of());
        stack.up(false);
    }

    @AfterAll
    static void stopInfrastructure() {
        stack.close();
    }

    @Test
    @Order(1)
    void crisisManagerLogsInWithTheirRealmRoleAndNotAdmin() throws Exception {
        String body = form(Map.of("grant_type", "password", "client_id", "firebreak-cli",
                "username", "crisis-manager", "password", "demo"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.settings().keycloakIssuer()
                        + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode claims = payload(JSON.readTree(response.body()).get("access_token").asText());
        assertThat(claims.get("iss").asText()).isEqualTo(stack.settings().keycloakIssuer());
        assertThat(claims.get("preferred_username").asText()).isEqualTo("crisis-manager");
        List<String> roles = JSON.convertValue(claims.at("/realm_access/roles"),
                JSON.getTypeFactory().constructCollectionType(List.class, String.class));
        assertThat(roles).contains("crisis-manager", "employee").doesNotContain("admin");
    }

    @Test
    @Order(2)
    void mailSentOverSmtpIsInTheRecipientsMailbox() throws Exception {
        int smtpPort = stack.settings().smtpPort();
        int apiPort = stack.settings().mailApiPort();

        Smtp.send(smtpPort, "firebreak@localhost", "crisis-manager@firebreak.local", "Crisis activated: data leak",
                "Open the briefing.");

        JsonNode messages = getJson(MailServer.messagesUrl(apiPort, "crisis-manager@firebreak.local"));
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).get("subject").asText()).isEqualTo("Crisis activated: data leak");
        assertThat(messages.get(0).get("mimeMessage").asText())
                .contains("To: crisis-manager@firebreak.local", "Open the briefing.");
        assertThat(getJson(MailServer.mailboxesUrl(apiPort)).findValuesAsText("email"))
                .containsExactly("crisis-manager@firebreak.local");
    }

    @Test
    @Order(3)
    void statusShowsTheInfrastructureUpAndTheServicesNotRunning() {
        Map<String, State> states = stack.status().stream()
                .collect(Collectors.toMap(ComponentStatus::name, ComponentStatus::state));

        assertThat(states).containsEntry("PostgreSQL", State.UP)
                .containsEntry("Kafka", State.UP)
                .containsEntry("GreenMail", State.UP)
                .containsEntry("platform emulator", State.UP)
                .containsEntry("Keycloak", State.UP)
                .containsEntry("monitoring-service", State.NOT_RUNNING);
    }

    @Test
    @Order(4)
    void upAfterTheBrokerWasKilledRestartsOnlyTheBroker() {
        long keycloak = pidOf("Keycloak");
        long mail = pidOf("GreenMail");
        ProcessHandle broker = ProcessHandle.of(pidOf("Kafka")).orElseThrow();
        broker.destroyForcibly();
        broker.onExit().join();

        stack.up(false);

        assertThat(pidOf("Kafka")).isNotEqualTo(broker.pid());
        assertThat(pidOf("Keycloak")).isEqualTo(keycloak);
        assertThat(pidOf("GreenMail")).isEqualTo(mail);
        assertThat(stack.status()).allSatisfy(component -> {
            if (!component.name().endsWith("-service")) {
                assertThat(component.state()).as(component.name()).isEqualTo(State.UP);
            }
        });
    }

    @Test
    @Order(5)
    void downLeavesNoProcessBehind() {
        List<ProcessHandle> processes = stack.status().stream()
                .filter(component -> component.pid().isPresent())
                .map(component -> ProcessHandle.of(component.pid().getAsLong()).orElseThrow())
                .toList();
        assertThat(processes).hasSize(5);

        stack.down();
        stack.down();

        assertThat(processes).noneMatch(ProcessHandle::isAlive);
        assertThat(stack.status()).allSatisfy(component ->
                assertThat(component.state()).as(component.name()).isEqualTo(State.NOT_RUNNING));
    }

    private static long pidOf(String component) {
        return stack.status().stream().filter(status -> status.name().equals(component)).findFirst()
                .orElseThrow().pid().orElseThrow();
    }

    private static JsonNode getJson(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode payload(String jwt) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
