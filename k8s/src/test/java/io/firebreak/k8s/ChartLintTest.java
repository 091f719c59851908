package io.firebreak.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartLintTest {

    @TempDir
    Path workDir;

    @Test
    void lintsStrictlyWithTheThreeRequiredValues() throws Exception {
        LintResult result = Chart.lint(workDir, Chart.MINIMAL_VALUES);

        assertThat(result.isFailed()).as("helm lint --strict: %s", result.getMessages()).isFalse();
    }

    @Test
    void lintsStrictlyWithTheProductionValues() throws Exception {
        LintResult result = Chart.lint(workDir, Chart.PRODUCTION_VALUES);

        assertThat(result.isFailed()).as("helm lint --strict: %s", result.getMessages()).isFalse();
    }

    @Test
    void lintWithoutTheRequiredValuesNamesEachOfThem() throws Exception {
        LintResult result = Chart.lint(workDir, null);

        assertThat(result.isFailed()).isTrue();
        assertThat(String.join("\n", result.getMessages()))
                .contains("kafka.bootstrapServers")
                .contains("database.existingSecret")
                .contains("oidc.issuerUrl");
    }
}
