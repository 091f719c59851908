package io.firebreak.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The firebreak chart, linted and rendered with real Helm (helm-java's native library). */
final class Chart {

    static final Path DIRECTORY = Path.of(System.getProperty("firebreak.chart", "firebreak")).toAbsolutePath();
    static final Path EXAMPLES = Path.of(System.getProperty("firebreak.examples", "examples")).toAbsolutePath();
    static final Path MINIMAL_VALUES = EXAMPLES.resolve("values-minimal.yaml");
    static final Path PRODUCTION_VALUES = EXAMPLES.resolve("values-production.yaml");
    static final String RELEASE = "crisis";
    static final String NAMESPACE = "firebreak";
    static final List<String> SERVICES = List.of("monitoring", "playbook", "publishing", "notification");

    static final YAMLMapper YAML = new YAMLMapper();

    private Chart() {
    }

    /** {@code helm template} with these values files, in order; throws with Helm's message when rendering fails. */
    static String template(Path... valuesFiles) {
        var command = new Helm(DIRECTORY).template().withName(RELEASE).withNamespace(NAMESPACE);
        for (Path values : valuesFiles) {
            command = command.withValuesFile(values);
        }
        return command.call();
    }

    /** The rendered objects, one JSON tree per YAML document. */
    static List<JsonNode> render(Path... valuesFiles) {
        return documents(template(valuesFiles));
    }

    static List<JsonNode> documents(String manifests) {
        List<JsonNode> objects = new ArrayList<>();
        try (var parser = YAML.createParser(manifests)) {
            Iterator<JsonNode> documents = YAML.readValues(parser, JsonNode.class);
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && !document.isNull() && !document.isEmpty()) {
                    objects.add(document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return objects;
    }

    /**
     * {@code helm lint --strict} on a copy of the chart whose values.yaml also carries {@code overrides} (helm-java's
     * lint takes no values file, and the chart's own defaults leave the three required values empty on purpose).
     */
    static LintResult lint(Path workDir, Path overrides) throws IOException {
        Path copy = workDir.resolve("firebreak");
        copyTree(DIRECTORY, copy);
        if (overrides != null) {
            ObjectNode values = (ObjectNode) YAML.readTree(DIRECTORY.resolve("values.yaml").toFile());
            merge(values, YAML.readTree(overrides.toFile()));
            YAML.writeValue(copy.resolve("values.yaml").toFile(), values);
        }
        return new Helm(copy).lint().strict().call();
    }

    /** Writes a values file from YAML text into {@code directory}. */
    static Path valuesFile(Path directory, String name, String yaml) throws IOException {
        return Files.writeString(directory.resolve(name), yaml);
    }

    static List<JsonNode> ofKind(List<JsonNode> objects, String kind) {
        return objects.stream().filter(object -> kind.equals(object.path("kind").asText())).toList();
    }

    static JsonNode named(List<JsonNode> objects, String kind, String name) {
        return ofKind(objects, kind).stream()
                .filter(object -> name.equals(object.path("metadata").path("name").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
    }

    static String objectName(String service) {
        return RELEASE + "-firebreak-" + service;
    }

    private static void merge(ObjectNode target, JsonNode source) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = source.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode existingObject && field.getValue().isObject()) {
                merge(existingObject, field.getValue());
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.toList()) {
                Path destination = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(path, destination);
                }
            }
        }
    }
}
