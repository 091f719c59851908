package io.firebreak.publishing.messaging;

import io.firebreak.events.CrisisChanged;
import io.firebreak.platform.messaging.EventConsumption;
import io.firebreak.platform.messaging.EventReader;
import io.firebreak.publishing.crisis.CrisisContextService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code playbook.crises.v1} → the crisis context publications are held or routed by. */
@ApplicationScoped
public class CrisisConsumer {

    private final EventReader reader;
    private final CrisisContextService contexts;

    public CrisisConsumer(EventReader reader, CrisisContextService contexts) {
        this.reader = reader;
        this.contexts = contexts;
    }

    @Incoming(Channels.CRISES)
    public Uni<Void> consume(String value) {
        var event = reader.read(value, CrisisChanged.class);
        return EventConsumption.untilApplied("crisis event " + event.id(), () -> contexts.record(event));
    }
}
