package io.firebreak.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackSettingsTest {

    private static final Path REPO = Path.of("/work/firebreak");

    @Test
    void defaultsLiveInTheRepositoryAndUseTheDocumentedPorts() {
        StackSettings settings = StackSettings.fromEnvironment(Map.of(), REPO);

        assertThat(settings.home()).isEqualTo(REPO.resolve(".firebreak"));
        assertThat(settings.portsByVariable()).containsExactly(
                Map.entry("FIREBREAK_POSTGRES_PORT", 5433),
                Map.entry("FIREBREAK_KAFKA_PORT", 9092),
                Map.entry("FIREBREAK_KAFKA_CONTROLLER_PORT", 9093),
                Map.entry("FIREBREAK_SMTP_PORT", 2525),
                Map.entry("FIREBREAK_MAIL_API_PORT", 8025),
                Map.entry("FIREBREAK_KEYCLOAK_PORT", 8180),
                Map.entry("FIREBREAK_KEYCLOAK_MANAGEMENT_PORT", 8181),
                Map.entry("FIREBREAK_EMULATOR_PORT", 8090),
                Map.entry("FIREBREAK_MONITORING_PORT", 8081),
                Map.entry("FIREBREAK_PLAYBOOK_PORT", 8082),
                Map.entry("FIREBREAK_PUBLISHING_PORT", 8083),
                Map.entry("FIREBREAK_NOTIFICATION_PORT", 8084));
    }

    @Test
    void variablesMoveTheHomeAndThePorts() {
        StackSettings settings = StackSettings.fromEnvironment(
                Map.of("FIREBREAK_HOME", "/srv/firebreak", "FIREBREAK_KEYCLOAK_PORT", "18180",
                        "FIREBREAK_PLAYBOOK_PORT", " 18082 "), REPO);

        assertThat(settings.home()).isEqualTo(Path.of("/srv/firebreak"));
        assertThat(settings.keycloakIssuer()).isEqualTo("http://127.0.0.1:18180/realms/firebreak");
        assertThat(settings.serviceUrl(FirebreakService.PLAYBOOK)).isEqualTo("http://127.0.0.1:18082");
    }

    @Test
    void invalidPortVariableIsReportedInOneLineNamingIt() {
        assertThatThrownBy(() -> StackSettings.fromEnvironment(Map.of("FIREBREAK_KAFKA_PORT", "kafka"), REPO))
                .isInstanceOf(StackException.class)
                .hasMessage("FIREBREAK_KAFKA_PORT=kafka is not a port; use a number from 1 to 65535");
        assertThatThrownBy(() -> StackSettings.fromEnvironment(Map.of("FIREBREAK_MONITORING_PORT", "70000"), REPO))
                .hasMessage("FIREBREAK_MONITORING_PORT=70000 is not a port; use a number from 1 to 65535");
    }

    @Test
    void twoComponentsOnOnePortAreRefused() {
        assertThatThrownBy(() -> StackSettings.fromEnvironment(Map.of("FIREBREAK_KEYCLOAK_PORT", "8081"), REPO))
                .isInstanceOf(StackException.class)
                .hasMessage("FIREBREAK_KEYCLOAK_PORT and FIREBREAK_MONITORING_PORT both ask for port 8081; "
                        + "give each its own port");
    }

    @Test
    void recordedPortsOutliveAChangedEnvironment() throws Exception {
        Path home = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "stack-settings");
        StackSettings started = StackSettings.fromEnvironment(
                Map.of("FIREBREAK_HOME", home.toString(), "FIREBREAK_POSTGRES_PORT", "15433"), REPO);
        started.record();

        StackSettings later = StackSettings.fromEnvironment(Map.of("FIREBREAK_HOME", home.toString()), REPO);

        assertThat(later.postgresPort()).isEqualTo(5433);
        assertThat(later.recorded()).contains(started);
        later.forgetRecorded();
        assertThat(later.recorded()).isEmpty();
    }

    @Test
    void freePortsAreAllDifferent() {
        StackSettings settings = StackSettings.withFreePorts(Path.of("home"), REPO);

        assertThat(settings.portsByVariable().values()).doesNotHaveDuplicates();
    }
}
