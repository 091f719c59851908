package io.firebreak.monitoring.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.events.CloudEvent;
import io.firebreak.events.EventTypes;
import io.firebreak.events.MentionScored;
import io.firebreak.events.Topics;
import io.firebreak.platform.outbox.OutboxConfig;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Announces stored mentions on {@code monitoring.mentions-scored.v1} straight to Kafka, once their transaction has
 * committed and before the poll (or request) that brought them is acknowledged, rather than through the outbox: at
 * tens of thousands of mentions a second, writing, reading and deleting an outbox row per mention was most of the
 * database's work.
 *
 * <p>It survives a crash between the commit and the send as the outbox does. The poll is not acknowledged, so it is
 * delivered again; {@code MentionWriter} then finds its mentions stored and returns them, and they are announced
 * again under the same event id (the mention's id), which idempotent consumers recognise. A REST batch answers only
 * once its mentions are announced; a client retrying after an error gets them announced the same way.
 */
@ApplicationScoped
public class ScoredMentionPublisher {

    private final KafkaProducer<String, byte[]> producer;
    private final ObjectMapper json;
    private final String source;

    public ScoredMentionPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafka, ObjectMapper json,
                                  OutboxConfig outbox) {
        Map<String, Object> settings = new HashMap<>(kafka);
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        // Written as UTF-8 bytes directly: a String in between cost its own encoding pass.
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // A poll's events leave together: a short linger fills batches without delaying a lone REST mention much.
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        settings.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, "monitoring-mentions-scored");
        this.producer = new KafkaProducer<>(settings);
        this.json = json;
        this.source = outbox.source();
    }

    /** Completes, on the caller's Vert.x context, when the broker has acknowledged every event; fails otherwise. */
    public Uni<Void> announce(List<MentionScored> mentions) {
        if (mentions.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Context caller = Vertx.currentContext();
        Instant time = Instant.now().truncatedTo(ChronoUnit.MILLIS); // once: the clock was 3 % of the service's time
        return Uni.createFrom().<Void>emitter(emitter -> {
            AtomicInteger pending = new AtomicInteger(mentions.size());
            AtomicReference<Exception> failure = new AtomicReference<>();
            Runnable settle = () -> {
                Runnable done = failure.get() == null ? () -> emitter.complete(null)
                        : () -> emitter.fail(failure.get());
                if (caller == null) {
                    done.run();
                } else {
                    caller.runOnContext(ignored -> done.run());
                }
            };
            for (MentionScored mention : mentions) {
                try {
                    producer.send(record(mention, time), (metadata, error) -> {
                        if (error != null) {
                            failure.compareAndSet(null, error);
                        }
                        if (pending.decrementAndGet() == 0) {
                            settle.run();
                        }
                    });
                } catch (RuntimeException e) {
                    // Callbacks of the records already sent find the Uni failed and change nothing.
                    emitter.fail(e);
                    return;
                }
            }
        });
    }

    private ProducerRecord<String, byte[]> record(MentionScored mention, Instant time) {
        // Keyed by watch, so that one watch's mentions stay in order on one partition.
        String key = mention.watchIds().isEmpty() ? mention.mentionId().toString()
                : mention.watchIds().get(0).toString();
        CloudEvent<MentionScored> event = new CloudEvent<>(CloudEvent.SPEC_VERSION, mention.mentionId().toString(),
                source, EventTypes.MENTION_SCORED, time, key,
                CloudEvent.JSON, mention);
        try {
            return new ProducerRecord<>(Topics.MENTIONS_SCORED, key, json.writeValueAsBytes(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the mention.scored event of " + mention.mentionId(), e);
        }
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
