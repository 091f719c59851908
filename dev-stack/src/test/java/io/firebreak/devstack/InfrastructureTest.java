package io.firebreak.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firebreak.devstack.testing.InfrastructureTestResource;
import io.firebreak.events.Topics;
import java.net.ServerSocket;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class InfrastructureTest {

    @Test
    void brokerAcceptsAndDeliversARecordOnEveryFirebreakTopic() throws Exception {
        String bootstrap = InfrastructureTestResource.kafkaBootstrapServers();
        try (Admin admin = Admin.create(java.util.Map.of("bootstrap.servers", bootstrap))) {
            assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).containsAll(Topics.ALL);
        }

        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (var producer = new KafkaProducer<String, String>(producerProps)) {
            producer.send(new ProducerRecord<>(Topics.SIGNALS, "watch-1", "{\"hello\":1}")).get(10, TimeUnit.SECONDS);
        }

        Properties consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "infrastructure-test");
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (var consumer = new KafkaConsumer<String, String>(consumerProps)) {
            consumer.subscribe(List.of(Topics.SIGNALS));
            List<String> values = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> values.add(record.key() + "=" + record.value()));
            }
            assertThat(values).containsExactly("watch-1={\"hello\":1}");
        }
    }

    @Test
    void postgresServesTheTestDatabaseToItsOwner() throws Exception {
        try (var connection = DriverManager.getConnection(InfrastructureTestResource.jdbcUrl(),
                InfrastructureTestResource.DATABASE, InfrastructureTestResource.DATABASE);
             var result = connection.createStatement().executeQuery("select current_user, version()")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo(InfrastructureTestResource.DATABASE);
            assertThat(result.getString(2)).startsWith("PostgreSQL 17");
        }
    }

    @Test
    void busyPortIsReportedWithTheVariableThatMovesIt() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> Ports.requireFree(busy.getLocalPort(), "Kafka", "FIREBREAK_KAFKA_PORT"))
                    .isInstanceOf(StackException.class)
                    .hasMessage("port " + busy.getLocalPort() + " (Kafka) is already in use by another program; "
                            + "stop it or choose another port with FIREBREAK_KAFKA_PORT=<port>");
        }
    }
}
