package io.firebreak.monitoring.messaging;

import io.firebreak.events.MentionReceived;
import io.firebreak.monitoring.mention.MentionService;
import io.firebreak.platform.messaging.EventConsumption;
import io.firebreak.platform.messaging.EventReader;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code mentions.raw.v1} → a stored, scored mention. */
@ApplicationScoped
public class MentionConsumer {

    private final EventReader reader;
    private final MentionService mentions;

    public MentionConsumer(EventReader reader, MentionService mentions) {
        this.reader = reader;
        this.mentions = mentions;
    }

    @Incoming(Channels.MENTIONS_RAW)
    public Uni<Void> consume(String value) {
        var event = reader.read(value, MentionReceived.class);
        return EventConsumption.untilApplied("mention event " + event.id(), () -> mentions.ingest(event));
    }
}
