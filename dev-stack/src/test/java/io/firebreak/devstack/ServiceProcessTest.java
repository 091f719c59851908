package io.firebreak.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceProcessTest {

    private static final Path REPO = Path.of("/work/firebreak");

    @Test
    void onlyNotificationServiceSendsMailToTheStacksSmtpPort() throws Exception {
        Path home = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "service-process");
        StackSettings settings = StackSettings.fromEnvironment(
                Map.of("FIREBREAK_HOME", home.toString(), "FIREBREAK_SMTP_PORT", "12525"), REPO);

        assertThat(ServiceProcess.environment(FirebreakService.NOTIFICATION, settings))
                .containsEntry("QUARKUS_MAILER_HOST", "127.0.0.1")
                .containsEntry("QUARKUS_MAILER_PORT", "12525");
        for (FirebreakService service : FirebreakService.values()) {
            if (service != FirebreakService.NOTIFICATION) {
                assertThat(ServiceProcess.environment(service, settings)).as(service.module())
                        .doesNotContainKeys("QUARKUS_MAILER_HOST", "QUARKUS_MAILER_PORT");
            }
        }
    }
}
