package io.firebreak.notification;

import io.firebreak.devstack.testing.InfrastructureTestResource;
import io.firebreak.devstack.testing.TopicProbe;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * TopicProbe with the thread's context class loader set to the one holding the Kafka client: Kafka loads its
 * configured classes (metric reporters, deserializers) through the context class loader, and a test thread's can
 * be another Quarkus class loader, which fails with "JmxReporter is not a MetricsReporter".
 */
public final class TestKafka {

    private TestKafka() {
    }

    public static TopicProbe watch(String topic) {
        return withKafkaLoader(() -> TopicProbe.watch(InfrastructureTestResource.kafkaBootstrapServers(), topic));
    }

    public static void send(String topic, String key, String value) {
        withKafkaLoader(() -> {
            TopicProbe.send(InfrastructureTestResource.kafkaBootstrapServers(), topic, key, value);
            return null;
        });
    }

    private static <T> T withKafkaLoader(Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(KafkaProducer.class.getClassLoader());
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
