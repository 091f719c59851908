package io.firebreak.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** values.schema.json turns a mistyped value into a failed install that names it; values never hold a secret. */
class ValuesTest {

    /** Value names about credentials; allowed only for the names of Secrets and of keys inside them. */
    private static final Pattern CREDENTIAL = Pattern.compile("(?i)password|secret|token|jaas|credential|linksKey");
    private static final Pattern SECRET_REFERENCE = Pattern.compile("(?i).*(existingSecret|Secret|SecretKey|Key|tlsSecret|caSecret|pullSecrets)$");

    @TempDir
    Path directory;

    @Test
    void aReplicaCountWrittenAsWordsFailsNamingTheValue() throws Exception {
        Path mistyped = Chart.valuesFile(directory, "mistyped.yaml", """
                monitoring:
                  replicas: "two"
                """);

        assertThatThrownBy(() -> Chart.template(Chart.MINIMAL_VALUES, mistyped))
                .hasMessageContaining("monitoring.replicas")
                .hasMessageContaining("integer");
    }

    @Test
    void aMisspelledValueNameFailsNamingIt() throws Exception {
        Path misspelled = Chart.valuesFile(directory, "misspelled.yaml", """
                publishing:
                  replica: 3
                """);

        assertThatThrownBy(() -> Chart.template(Chart.MINIMAL_VALUES, misspelled))
                .hasMessageContaining("publishing")
                .hasMessageContaining("replica");
    }

    @Test
    void renderingWithoutTheRequiredValuesNamesThem() {
        assertThatThrownBy(() -> Chart.template())
                .hasMessageContaining("kafka.bootstrapServers")
                .hasMessageContaining("database.existingSecret")
                .hasMessageContaining("oidc.issuerUrl");
    }

    @Test
    void aKafkaBootstrapWithoutPortIsRejected() throws Exception {
        Path wrong = Chart.valuesFile(directory, "wrong.yaml", """
                kafka:
                  bootstrapServers: kafka.example.com
                """);

        assertThatThrownBy(() -> Chart.template(Chart.MINIMAL_VALUES, wrong)).hasMessageContaining("kafka.bootstrapServers");
    }

    @Test
    void saslWithoutTheSecretHoldingItsCredentialsFailsNamingIt() throws Exception {
        Path sasl = Chart.valuesFile(directory, "sasl.yaml", """
                kafka:
                  securityProtocol: SASL_SSL
                """);

        assertThatThrownBy(() -> Chart.template(Chart.MINIMAL_VALUES, sasl)).hasMessageContaining("kafka.sasl.existingSecret");
    }

    @Test
    void aCredentialCannotBePassedAsAPlainEnvironmentValue() throws Exception {
        Path leaked = Chart.valuesFile(directory, "leaked.yaml", """
                notification:
                  env:
                    NOTIFICATION_PUSH_FCM_PRIVATE_KEY: "-----BEGIN PRIVATE KEY-----"
                """);

        assertThatThrownBy(() -> Chart.template(Chart.MINIMAL_VALUES, leaked))
                .hasMessageContaining("notification.env");
    }

    @Test
    void theServicesCannotBeSetToRunAsRoot() throws Exception {
        Path root = Chart.valuesFile(directory, "root.yaml", """
                common:
                  podSecurityContext:
                    runAsNonRoot: false
                """);

        assertThatThrownBy(() -> Chart.template(Chart.MINIMAL_VALUES, root)).hasMessageContaining("runAsNonRoot");
    }

    @Test
    void aServiceWithoutResourcesIsRejected() throws Exception {
        Path unbounded = Chart.valuesFile(directory, "unbounded.yaml", """
                notification:
                  resources: null
                """);

        assertThatThrownBy(() -> Chart.template(Chart.MINIMAL_VALUES, unbounded)).hasMessageContaining("notification: resources is required");
    }

    @Test
    void theValuesFilesOnlyNameSecretsAndNeverHoldOne() throws Exception {
        for (Path values : List.of(Chart.DIRECTORY.resolve("values.yaml"), Chart.MINIMAL_VALUES, Chart.PRODUCTION_VALUES)) {
            List<String> offending = new ArrayList<>();
            walk("", Chart.YAML.readTree(values.toFile()), offending);
            assertThat(offending).as("credential-like values in %s", values.getFileName()).isEmpty();
        }
    }

    private static void walk(String path, JsonNode node, List<String> offending) {
        if (node.isObject()) {
            for (var fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                // A credential's own entry (accessToken: {existingSecret, key}) is a reference: its fields are checked.
                if (CREDENTIAL.matcher(name).find() && !SECRET_REFERENCE.matcher(name).matches()
                        && !field.getValue().isContainerNode()) {
                    offending.add(path + name);
                }
                walk(path + name + ".", field.getValue(), offending);
            }
        } else if (node.isArray()) {
            node.forEach(element -> walk(path, element, offending));
        } else if (node.isTextual() && node.asText().matches("(?i).*(password=|BEGIN .*PRIVATE KEY|username=\".+\" password).*")) {
            offending.add(path + " = " + node.asText());
        }
    }
}
