package io.firebreak.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.firebreak.events.Topics;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The optional Strimzi KafkaTopic resources cover every topic the services read or write, dead letters included. */
class KafkaTopicsTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("firebreak.repo", "..")).toAbsolutePath();

    @Test
    void everyEventTopicAndEveryDeadLetterTopicIsCreated() throws IOException {
        List<JsonNode> topics = Chart.ofKind(Chart.render(Chart.PRODUCTION_VALUES), "KafkaTopic");

        Set<String> expected = new TreeSet<>(Topics.ALL);
        expected.addAll(configuredTopics());
        assertThat(topics).extracting(topic -> topic.path("spec").path("topicName").asText())
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(topics).allSatisfy(topic -> {
            KubernetesModel.parse(topic);
            assertThat(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText()).isEqualTo("firebreak-kafka");
            assertThat(topic.path("metadata").path("annotations").path("helm.sh/resource-policy").asText()).isEqualTo("keep");
            assertThat(topic.path("spec").path("partitions").asInt()).isEqualTo(12);
            assertThat(topic.path("spec").path("replicas").asInt()).isEqualTo(3);
            assertThat(topic.path("spec").path("config").path("retention.ms").asText()).isEqualTo(Long.toString(336L * 3_600_000));
            assertThat(topic.path("spec").path("config").path("min.insync.replicas").asText()).isEqualTo("2");
        });
    }

    @Test
    void noTopicIsCreatedUnlessAsked() {
        assertThat(Chart.ofKind(Chart.render(Chart.MINIMAL_VALUES), "KafkaTopic")).isEmpty();
    }

    /** Topics and dead-letter topics the services' consumers name in their application.properties. */
    private static Set<String> configuredTopics() throws IOException {
        Set<String> topics = new TreeSet<>();
        for (String service : Chart.SERVICES) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(
                    REPOSITORY.resolve(service + "-service/src/main/resources/application.properties"))) {
                properties.load(reader);
            }
            properties.stringPropertyNames().stream()
                    .filter(key -> key.startsWith("mp.messaging.incoming.")
                            && (key.endsWith(".topic") || key.endsWith(".dead-letter-queue.topic")))
                    .map(properties::getProperty)
                    .forEach(topics::add);
        }
        assertThat(topics).as("dead-letter topics found").anyMatch(topic -> topic.contains("dead-letters"));
        return topics;
    }
}
