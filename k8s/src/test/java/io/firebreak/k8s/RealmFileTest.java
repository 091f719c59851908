package io.firebreak.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The production realm (k8s/keycloak/firebreak-realm.json) carries what the services need — the six roles, the
 * public app client, one confidential client per service with the same service-account roles as the local realm —
 * and nothing of the local one's conveniences: no people, no passwords, no client secrets, no password grant.
 */
class RealmFileTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("firebreak.repo", "..")).toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode realm = read(REPOSITORY.resolve("k8s/keycloak/firebreak-realm.json"));
    private final JsonNode local = read(REPOSITORY.resolve("dev-stack/src/main/resources/keycloak/firebreak-realm.json"));

    @Test
    void definesTheSixFirebreakRolesWithEmployeeForEveryone() {
        assertThat(names(realm.path("roles").path("realm"), "name"))
                .contains("admin", "crisis-manager", "approver", "communicator", "analyst", "employee");
        JsonNode defaults = find(realm.path("roles").path("realm"), "name", "default-roles-firebreak");
        assertThat(names(defaults.path("composites").path("realm"), null)).contains("employee");
    }

    @Test
    void holdsNoPeopleNoPasswordsAndNoClientSecrets() {
        assertThat(realm.path("users")).allSatisfy(user -> {
            assertThat(user.path("serviceAccountClientId").asText()).isNotEmpty();
            assertThat(user.has("credentials")).isFalse();
        });
        assertThat(realm.path("clients")).allSatisfy(client -> {
            assertThat(client.has("secret")).as(client.path("clientId").asText()).isFalse();
            assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        });
        assertThat(realm.path("sslRequired").asText()).isEqualTo("all");
        assertThat(realm.toString()).doesNotContain("localhost").doesNotContain("local-secret");
    }

    @Test
    void eachServiceHasAConfidentialClientWithTheLocalRealmsServiceAccountRolesAndAudience() {
        for (String service : Chart.SERVICES) {
            String clientId = service + "-service";
            JsonNode client = find(realm.path("clients"), "clientId", clientId);
            assertThat(client.path("publicClient").asBoolean()).isFalse();
            assertThat(client.path("serviceAccountsEnabled").asBoolean()).isTrue();
            assertThat(client.path("protocolMappers")).anySatisfy(mapper ->
                    assertThat(mapper.path("protocolMapper").asText()).isEqualTo("oidc-audience-mapper"));
            assertThat(find(realm.path("users"), "serviceAccountClientId", clientId).path("realmRoles"))
                    .isEqualTo(find(local.path("users"), "serviceAccountClientId", clientId).path("realmRoles"));
        }
        JsonNode app = find(realm.path("clients"), "clientId", "firebreak-cli");
        assertThat(app.path("publicClient").asBoolean()).isTrue();
        assertThat(app.path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        return StreamSupport.stream(array.spliterator(), false)
                .filter(element -> value.equals(element.path(field).asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + field + " " + value));
    }

    private static List<String> names(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(element -> field == null ? element.asText() : element.path(field).asText()).toList();
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
