package io.firebreak.devstack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.events.EventJson;
import io.firebreak.events.EventSchemas;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Watches one topic from "now" on, for tests: every event read is checked against the topic's JSON Schema,
 * so a test that finds the event it waits for has also proved the event is well-formed.
 */
public final class TopicProbe implements AutoCloseable {

    private static final ObjectMapper JSON = EventJson.newMapper();

    private final String topic;
    private final KafkaConsumer<String, String> consumer;
    /** Events read but not matched yet: a later await may be looking for them. */
    private final List<JsonNode> unmatched = new ArrayList<>();

    private TopicProbe(String bootstrapServers, String topic) {
        this.topic = topic;
        this.consumer = withOwnClassLoader(() -> new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName())));
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** Starts watching {@code topic}: only records written after this call are seen. */
    public static TopicProbe watch(String bootstrapServers, String topic) {
        return new TopicProbe(bootstrapServers, topic);
    }

    /** The first event matching {@code match}, with its Kafka key in {@code _key}; fails after {@code timeout}. */
    public JsonNode awaitEvent(Predicate<JsonNode> match, Duration timeout) {
        for (Iterator<JsonNode> earlier = unmatched.iterator(); earlier.hasNext(); ) {
            JsonNode event = earlier.next();
            if (match.test(event)) {
                earlier.remove();
                return event;
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode found = null;
        while (found == null && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                JsonNode event = parse(record);
                if (found == null && match.test(event)) {
                    found = event;
                } else {
                    unmatched.add(event);
                }
            }
        }
        if (found != null) {
            return found;
        }
        throw new AssertionError("no matching event on " + topic + " within " + timeout.toSeconds() + " s");
    }

    /** Writes a raw record to {@code topic}, as another service (or a broken producer) would. */
    public static void send(String bootstrapServers, String topic, String key, String value) {
        try (var producer = withOwnClassLoader(() -> new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName())))) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write to " + topic, e);
        }
    }

    /**
     * Kafka's clients load their plugins (serialisers, the JMX reporter) through the thread's context class loader;
     * in a Quarkus test that is the application's loader, which holds a second copy of the Kafka classes, and the
     * two copies do not mix (ClassCastException). Building the client under this class's own loader avoids it.
     */
    private static <T> T withOwnClassLoader(java.util.function.Supplier<T> build) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(TopicProbe.class.getClassLoader());
        try {
            return build.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private JsonNode parse(ConsumerRecord<String, String> record) {
        List<String> violations = EventSchemas.violations(topic, record.value());
        if (!violations.isEmpty()) {
            throw new AssertionError("event on " + topic + " violates its schema: " + violations + "\n" + record.value());
        }
        try {
            var event = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(record.value());
            event.put("_key", record.key());
            return event;
        } catch (java.io.IOException e) {
            throw new AssertionError("unreadable event on " + topic, e);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
