package io.firebreak.monitoring.messaging;

import io.firebreak.events.CloudEvent;
import io.firebreak.events.MentionReceived;
import io.firebreak.monitoring.mention.MentionService;
import io.firebreak.platform.messaging.EventConsumption;
import io.firebreak.platform.messaging.EventReader;
import io.firebreak.platform.messaging.EventReader.MalformedEventException;
import io.firebreak.platform.outbox.Outbox;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code mentions.raw.v1} → stored, scored mentions, one transaction per poll (the channel is consumed in batches).
 * A record that is not a mention event is not retried: it goes, as it came, to the dead-letter topic through the
 * outbox, in the same transaction as the rest of its poll (so nothing else of the poll is lost); its reason is in
 * the log (outbox rows carry no Kafka headers).
 */
@ApplicationScoped
public class MentionConsumer {

    static final String DEAD_LETTER_TOPIC = "monitoring.dead-letters.v1";

    private final EventReader reader;
    private final MentionService mentions;

    public MentionConsumer(EventReader reader, MentionService mentions) {
        this.reader = reader;
        this.mentions = mentions;
    }

    @Incoming(Channels.MENTIONS_RAW)
    public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        List<CloudEvent<MentionReceived>> events = new ArrayList<>(batch.getRecords().size());
        List<Outbox.Row> deadLetters = new ArrayList<>();
        for (KafkaRecord<String, byte[]> record : batch.getRecords()) {
            try {
                events.add(reader.read(record.getPayload(), MentionReceived.class));
            } catch (MalformedEventException e) {
                Log.warnf("Record %s-%d@%d of %s is not a mention event, sent to %s: %s", record.getTopic(),
                        record.getPartition(), offset(record), record.getTopic(), DEAD_LETTER_TOPIC,
                        e.getMessage());
                deadLetters.add(deadLetter(record));
            }
        }
        String what = "mentions batch of " + batch.getRecords().size() + " records";
        return EventConsumption.untilApplied(what, () -> mentions.ingestEvents(events, deadLetters))
                .chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }

    private static long offset(KafkaRecord<String, byte[]> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getOffset)
                .orElse(-1L);
    }

    /** The record as it came: same key and value, so that it can be replayed once fixed. */
    private static Outbox.Row deadLetter(KafkaRecord<String, byte[]> record) {
        String key = record.getKey() != null ? record.getKey() : record.getTopic() + "-" + record.getPartition();
        UUID id = UUID.nameUUIDFromBytes((record.getTopic() + "/" + record.getPartition() + "/" + offset(record))
                .getBytes(StandardCharsets.UTF_8));
        return new Outbox.Row(id, DEAD_LETTER_TOPIC, key, record.getPayload() == null ? ""
                : new String(record.getPayload(), StandardCharsets.UTF_8));
    }
}
