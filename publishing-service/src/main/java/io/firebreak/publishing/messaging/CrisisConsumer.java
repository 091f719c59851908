package io.firebreak.publishing.messaging;

import io.firebreak.events.CrisisChanged;
import io.firebreak.platform.messaging.EventConsumption;
import io.firebreak.platform.messaging.EventReader;
import io.firebreak.publishing.publication.PublicationService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code playbook.crises.v1} → the crisis context, and the hold of promotional posts while a real crisis is live. */
@ApplicationScoped
public class CrisisConsumer {

    private final EventReader reader;
    private final PublicationService publications;

    public CrisisConsumer(EventReader reader, PublicationService publications) {
        this.reader = reader;
        this.publications = publications;
    }

    @Incoming(Channels.CRISES)
    public Uni<Void> consume(String value) {
        var event = reader.read(value, CrisisChanged.class);
        return EventConsumption.untilApplied("crisis event " + event.id(), () -> publications.applyCrisis(event));
    }
}
